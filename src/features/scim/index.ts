/*
 * The scim feature's public face: SCIM 2.0 provisioning from the organisation's directory (/scim/v2) and the
 * owner's settings for it. Import from here, never from the files behind it (npm run lint checks;
 * docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { scimRoutes } from './scim.routes.js';
export type { MadeScimToken, ScimSettings, ScimTokenView } from './scim.schema.js';
export { canonicalScimUrl, isScimUrl, scimErrorsInScimShape, scimFrameworkError } from './scim-paths.js';
export { scimSettingsRoutes } from './scim-settings.routes.js';
