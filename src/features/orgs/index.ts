/*
 * The orgs feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { findOrganization } from './orgs.repository.js';
export { orgsRoutes } from './orgs.routes.js';
export { orgParams, roleEnum } from './orgs.schema.js';
