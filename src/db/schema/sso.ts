import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { session } from './auth.js';
import { memberRole, organization } from './orgs.js';

/**
 * How an organisation's people sign in with its identity provider: 'oidc' or 'saml', one at a time (the owner
 * chooses; saving one protocol while the other is set up is refused). SAML keeps what it read from the
 * provider's metadata in `config` (entity id, sign-in URL and binding, signing certificates). The secret the
 * protocol needs (OIDC's client secret) is kept sealed (AES-256-GCM, sso/secret-cipher.ts), never in `config`.
 */
export const ssoConnection = pgTable(
  'sso_connection',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    protocol: text('protocol').notNull(),
    /** What the protocol needs to reach the provider, in the clear (OIDC: `{ issuer, clientId }`). */
    config: jsonb('config').$type<Record<string, string>>().notNull(),
    /** The sealed client secret (OIDC), or null when the provider needs none. */
    secretSealed: text('secret_sealed'),
    /** The role people get when they join by signing in with the provider (never owner). */
    defaultRole: memberRole('default_role').notNull().default('member'),
    /** Refuse password sign-in for addresses in the organisation's verified domains (owners keep a way in). */
    requireSso: boolean('require_sso').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sso_connection_org_protocol_uq').on(t.organizationId, t.protocol),
    check('sso_connection_protocol', sql`${t.protocol} in ('oidc', 'saml')`),
    check('sso_connection_default_role', sql`${t.defaultRole} <> 'owner'`),
  ],
);

/**
 * A mail domain an organisation says is its own. Verified by a DNS TXT record holding the token (or, in
 * development with the outbox, by the owner confirming a mailed link); once verified, addresses there sign in
 * with the organisation's provider, and no other organisation can verify the same domain.
 */
export const ssoDomain = pgTable(
  'sso_domain',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** Lower case, no trailing dot: `example.com`. */
    domain: text('domain').notNull(),
    /** The value the TXT record must hold (`waymark-verification=<token>`); also the mailed link's proof. */
    verificationToken: text('verification_token').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sso_domain_org_domain_uq').on(t.organizationId, t.domain),
    // One organisation owns a domain: the first to verify it.
    uniqueIndex('sso_domain_verified_uq').on(t.domain).where(sql`${t.verifiedAt} is not null`),
  ],
);

/**
 * A sign-in sent to the provider and not back yet: what the answer must match (OIDC: state, nonce, the PKCE
 * verifier; SAML: the AuthnRequest's ID in `state`, which the response's InResponseTo must name). The browser
 * holds its id in a cookie, so only the browser that started it can finish it; used once. SAML's answer arrives
 * by a cross-site POST that carries no cookie: the checked identity waits in `answer` until the same browser
 * comes back with its cookie (decision 2026-12-06-saml).
 */
export const ssoSignInAttempt = pgTable(
  'sso_sign_in_attempt',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => ssoConnection.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    /** OIDC only. */
    nonce: text('nonce'),
    /** OIDC only. */
    codeVerifier: text('code_verifier'),
    /** Where in Waymark to go once signed in (a path). */
    returnTo: text('return_to').notNull().default('/'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** SAML: the identity read from the checked assertion, waiting for the browser that started the sign-in. */
    answer: jsonb('answer').$type<{ subject: string; email: string; name: string; issuer: string }>(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('sso_sign_in_attempt_expires_idx').on(t.expiresAt),
    index('sso_sign_in_attempt_state_idx').on(t.connectionId, t.state),
  ],
);

/**
 * SAML assertions already used, kept until they expire: an assertion presented again is refused (replay), on
 * every instance.
 */
export const ssoSamlAssertion = pgTable(
  'sso_saml_assertion',
  {
    connectionId: text('connection_id')
      .notNull()
      .references(() => ssoConnection.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.assertionId] }),
    index('sso_saml_assertion_expires_idx').on(t.expiresAt),
  ],
);

/**
 * A Waymark session that began with an OIDC sign-in, with what ending the provider's session needs: the ID token
 * (sealed like the client secret) for `id_token_hint`. Kept on the server, never in the browser; gone with the
 * session.
 */
export const ssoSession = pgTable('sso_session', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => session.id, { onDelete: 'cascade' }),
  connectionId: text('connection_id')
    .notNull()
    .references(() => ssoConnection.id, { onDelete: 'cascade' }),
  idTokenSealed: text('id_token_sealed').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
