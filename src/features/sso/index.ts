/*
 * The sso feature's public face: what the server may use. Import from here, never from the files behind it
 * (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { ssoRoutes } from './sso.routes.js';
export { providerSignOutUrl, ssoPasswordRule } from './sso-sign-in.service.js';
