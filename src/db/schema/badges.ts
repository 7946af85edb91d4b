import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { membership, organization } from './orgs.js';

/*
 * Badges (Open Badges 3.0): an organisation issues verifiable credentials for achievements it defines. See
 * docs/decisions/2026-12-05-badge-issuer-identity.md for how the issuer is identified (did:web) and its keys kept.
 */

/** How the organisation presents itself as an issuer; made on first need from the organisation's name. */
export const badgeIssuer = pgTable('badge_issuer', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  url: text('url'),
  /** An https address of the issuer's image, optional. */
  imageUrl: text('image_url'),
  /** The organisation's colour, used by achievement images made from the template. */
  colour: text('colour').notNull().default('#1f5f8b'),
  /**
   * The signed BitstringStatusList credential as last published: signed again when a badge is revoked, so that
   * serving and verifying it costs no signature (and every instance serves the same one).
   */
  statusList: text('status_list'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The issuer's Ed25519 signing keys. The secret key is kept encrypted (AES-256-GCM, key from BADGE_KEY_SECRET or
 * derived from AUTH_SECRET by HKDF). Rotation retires the active key but keeps it: its public key stays in the DID
 * document, so credentials it signed still verify.
 */
export const badgeIssuerKey = pgTable(
  'badge_issuer_key',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** The fragment of the verification method in the DID document: `key-1`, `key-2`, ... */
    fragment: text('fragment').notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    /** iv.tag.ciphertext (base64url) of the secret key's multibase text. */
    secretKeyEncrypted: text('secret_key_encrypted').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('badge_issuer_key_fragment_uq').on(t.organizationId, t.fragment),
    // One active key per organisation: two requests making the first key at once cannot both win.
    uniqueIndex('badge_issuer_key_active_uq').on(t.organizationId).where(sql`${t.active}`),
  ],
);

/** An achievement (badge class) an organisation awards. */
export const achievement = pgTable(
  'achievement',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    criteria: text('criteria').notNull(),
    /** A data: URL of the checked PNG or sanitised SVG; a template image when none was uploaded. */
    image: text('image').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** Credentials expire this many days after they are issued; none: they never do. */
    expiryDays: integer('expiry_days'),
    /** Learners may ask for it for a goal they achieved (recognition on request). */
    openToRequests: boolean('open_to_requests').notNull().default(false),
    createdByMemberId: text('created_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('achievement_org_name_uq').on(t.organizationId, sql`lower(${t.name})`)],
);

/** One achievement awarded to one member: the signed credential as issued, and its revocation. */
export const badgeAward = pgTable(
  'badge_award',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievement.id, { onDelete: 'restrict' }),
    recipientMemberId: text('recipient_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    /** Who awarded it; none when the system did (a programme completed). */
    awardedByMemberId: text('awarded_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    /** The signed OpenBadgeCredential, exactly as issued (text: the bytes handed out never change). */
    credential: text('credential').notNull(),
    /** The credential's place in the organisation's BitstringStatusList (random, for herd privacy). */
    statusIndex: integer('status_index').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedByMemberId: text('revoked_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('badge_award_status_index_uq').on(t.organizationId, t.statusIndex),
    index('badge_award_recipient_idx').on(t.recipientMemberId),
    index('badge_award_achievement_idx').on(t.achievementId),
  ],
);
