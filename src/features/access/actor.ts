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
      /** Set when the request carries an API token instead of a session: what the token may do. */
      token?: { id: string; scopes: readonly string[] };
      /** An organisation's token acts for its maker in that organisation alone (the gate sees no other). */
      onlyOrg?: string;
    }
  /**
   * An organisation's directory (Entra ID, Okta) provisioning its people through SCIM with the organisation's
   * SCIM token: no person, only that organisation, and only the SCIM rules (every other rule answers 401).
   */
  | { kind: 'directory'; orgId: string; tokenId: string; tokenName: string; address?: string };

export const anonymous: Actor = { kind: 'anonymous' };
