/**
 * Who is making a request. Services receive this, never the raw request. The auth feature makes one from a
 * session (session-actor.ts); the gate only needs its shape, so access depends on no feature.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      sessionId: string;
      /** The client's IP address as the server saw it, for the audit log; absent outside a request. */
      address?: string;
    };

export const anonymous: Actor = { kind: 'anonymous' };
