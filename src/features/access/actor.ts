/**
 * Who is making a request. Services receive this, never the raw request. The auth feature makes one from a
 * session (session-actor.ts); the gate only needs its shape, so access depends on no feature.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; email: string; name: string; sessionId: string };

export const anonymous: Actor = { kind: 'anonymous' };
