/*
 * The members feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { hasMemberWithEmail } from './members.repository.js';
export { membersRoutes } from './members.routes.js';
export { removeMemberByDirectory, sendRemovalMail } from './members.service.js';
