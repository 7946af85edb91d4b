import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { membership, organization } from './orgs.js';

/**
 * A SCIM bearer token of an organisation: its directory (Entra ID, Okta) provisions the organisation's people
 * with it. Only the secret's SHA-256 is kept: it is shown once.
 */
export const scimToken = pgTable(
  'scim_token',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    madeBy: text('made_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedAddress: text('last_used_address'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('scim_token_hash_uq').on(t.tokenHash), index('scim_token_org_idx').on(t.organizationId)],
);

/**
 * A person as the organisation's directory describes them (a SCIM User): its attributes as sent, and the
 * membership it stands for (null when its address already stands for another of the directory's users).
 */
export const scimUser = pgTable(
  'scim_user',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    membershipId: text('membership_id').references(() => membership.id, { onDelete: 'set null' }),
    userName: text('user_name').notNull(),
    externalId: text('external_id'),
    active: boolean('active').notNull().default(true),
    /** Every other attribute, with the schema's own attribute names (name, emails, enterprise extension, ...). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // userName is unique per organisation, compared without case (RFC 7643 §4.1.1: caseExact false).
    uniqueIndex('scim_user_org_name_uq').on(t.organizationId, sql`lower(${t.userName})`),
    index('scim_user_org_external_idx').on(t.organizationId, t.externalId),
    index('scim_user_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    uniqueIndex('scim_user_membership_uq').on(t.membershipId),
  ],
);

/** A group of the organisation's directory: what it sets on its members follows the organisation's mapping. */
export const scimGroup = pgTable(
  'scim_group',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scim_group_org_idx').on(t.organizationId, t.createdAt, t.id)],
);

export const scimGroupMember = pgTable(
  'scim_group_member',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => scimGroup.id, { onDelete: 'cascade' }),
    scimUserId: text('scim_user_id')
      .notNull()
      .references(() => scimUser.id, { onDelete: 'cascade' }),
    /** The member's `display` as the directory sent it. */
    display: text('display'),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.scimUserId] }), index('scim_group_member_user_idx').on(t.scimUserId)],
);
