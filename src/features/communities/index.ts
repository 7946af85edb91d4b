/*
 * The communities feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { isCommunityMember } from './communities.repository.js';
export { communitiesRoutes } from './communities.routes.js';
export { createCommunity, joinCommunity } from './communities.service.js';
