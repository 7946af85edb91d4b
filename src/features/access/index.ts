/*
 * The access feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export type { Granted } from './access.js';
export { requireAccess, requireUser } from './access.js';
export type { MembershipRow, PlanOwnership, ReviewRecord } from './access.repository.js';
export {
  activeGrantsFor,
  findMembership,
  findReviewWithParties,
  isActive,
  revokeGrantsOfEntry,
  selectReviewsWithParties,
} from './access.repository.js';
export { commentsOnItem, readsItem, seesDraftTemplates } from './access-rules.js';
export type { Actor } from './actor.js';
export { anonymous } from './actor.js';
export { myMemberships, mySuspendedMemberships } from './memberships-cache.js';
export { visibleTo } from './post-visibility.js';
export { approvesFor } from './recognition-facts.js';
export type { Coverage, SharedPart } from './share-coverage.js';
export { coverageOf, sharedParts } from './share-coverage.js';
