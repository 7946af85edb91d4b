import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { organization } from './orgs.js';

/**
 * An API token: a person's own (personal: acts as them, within its scopes) or an organisation's (made by an
 * owner or L&D admin, acting for them in that organisation alone, with organisation scopes). Only the secret's
 * SHA-256 is kept: it is shown once.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: text('id').primaryKey(),
    /** The person who made it, and as whom it acts. */
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** Set for an organisation's token; null for a personal one. */
    organizationId: text('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the secret, so people can tell their tokens apart without the secret. */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedAddress: text('last_used_address'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_token_hash_uq').on(t.tokenHash),
    index('api_token_user_idx').on(t.userId),
    index('api_token_org_idx').on(t.organizationId),
  ],
);
