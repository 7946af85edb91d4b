import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { organization } from './orgs.js';

/** A file of the learner's kept with their archive (an evidence file), until the archive is erased. */
export interface ArchivedFile {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  byteSize: number;
}

/**
 * What a learner had in an organisation they were removed from (or left): their plans, check-ins, evidence,
 * log and posts as one document, with their evidence files still in the file store. The learner owns it: only
 * they can download it, until `eraseAfter`, when it and its files are erased. The organisation sees only that
 * it exists (who, when, until when) in its list of removed people. The membership itself, and with it every
 * trace in the organisation, is gone at removal.
 */
export const memberArchive = pgTable(
  'member_archive',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** Kept after the organisation is deleted: the learner's data outlives it, for the same period. */
    organizationId: text('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    organizationName: text('organization_name').notNull(),
    personName: text('person_name').notNull(),
    personEmail: text('person_email').notNull(),
    /** Who removed them; null when they left themselves. */
    removedByName: text('removed_by_name'),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
    eraseAfter: timestamp('erase_after', { withTimezone: true }).notNull(),
    content: jsonb('content').notNull(),
    files: jsonb('files').$type<ArchivedFile[]>().notNull(),
    planCount: integer('plan_count').notNull(),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  },
  (t) => [
    index('member_archive_user_idx').on(t.userId),
    index('member_archive_org_idx').on(t.organizationId, t.removedAt.desc()),
    index('member_archive_erase_idx').on(t.eraseAfter),
  ],
);
