/*
 * The auth feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export { createAuth, SESSION_COOKIE_PREFIX } from './auth.js';
export { markEmailVerified } from './auth.repository.js';
export { authRoutes } from './auth.routes.js';
export { emailField, personName, userView } from './auth.schema.js';
export { acceptAddressProof, type PasswordRuling, ruleOnPasswords, signOutAtProviderWith } from './auth.service.js';
export { type ExternalIdentity, findOrCreateExternalUser, startSession } from './external-sign-in.js';
export { resolveActor } from './session-actor.js';
