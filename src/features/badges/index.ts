/*
 * The badges feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { type AwardInput, awardAchievement } from './awards.service.js';
export { findAchievement } from './badges.repository.js';
export { badgesRoutes } from './badges.routes.js';
export { credentialFilesRoutes } from './credential-files.routes.js';
export { badgesToShow, credentialsOfMember } from './credentials-of-member.js';
export { recognitionRoutes } from './recognition.routes.js';
