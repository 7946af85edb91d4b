import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { organization } from './orgs.js';

/**
 * The organisation's audit log: who did what to the organisation's set-up, when, from which address. It
 * records acts on people and settings (roles, supervisors, sign-ins, exports, keys), never anyone's learning:
 * `details` holds names of settings and before/after values, not plan, log or post text.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who acted; null for the system (a job) or someone not signed in (a failed sign-in). */
    actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** The actor's name and address as they were then: the record must outlive a renamed or deleted account. */
    actorName: text('actor_name').notNull(),
    actorEmail: text('actor_email'),
    /** A stable code such as `member.role_changed` (audit-actions.ts lists them with their wording). */
    action: text('action').notNull(),
    /** What it was done to: a kind ('member', 'insights', 'badge_key', ...), its id and name then. */
    targetKind: text('target_kind'),
    targetId: text('target_id'),
    targetName: text('target_name'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    /** The client's IP address as the server saw it (behind a proxy, with TRUST_PROXY set). */
    address: text('address'),
  },
  (t) => [
    index('audit_event_org_at_idx').on(t.organizationId, t.at.desc(), t.id.desc()),
    index('audit_event_org_action_idx').on(t.organizationId, t.action, t.at.desc()),
  ],
);
