/*
 * The tokens feature's public face: API tokens, personal and an organisation's. Import from here, never from
 * the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { bearerOf, guardTokenRequests } from './token-guard.js';
export { ORGANISATION_SCOPES, PERSONAL_SCOPES, ROUTE_SCOPES, type Scope } from './token-scopes.js';
export { tokensRoutes } from './tokens.routes.js';
export type { MadeToken, TokenList, TokenView } from './tokens.schema.js';
export { actorFromToken } from './tokens.service.js';
