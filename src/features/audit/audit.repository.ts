import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditEvent, organization } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';

export type AuditRow = typeof auditEvent.$inferSelect;
export type NewAuditRow = typeof auditEvent.$inferInsert;

export async function insertAuditEvents(db: Database, rows: NewAuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditEvent).values(rows);
}

export interface AuditFilter {
  action?: string;
  person?: string;
  /** From this instant on (inclusive) and before that one. */
  since?: Date;
  before?: Date;
  /** The last row of the previous page: the page goes on strictly after it, newest first. */
  after?: { at: Date; id: string };
}

/** One page of an organisation's events, newest first (index audit_event_org_at_idx). */
export async function listAuditEvents(db: Database, orgId: string, filter: AuditFilter, limit: number) {
  const conditions = [eq(auditEvent.organizationId, orgId)];
  if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
  if (filter.person) {
    const person = or(
      eq(auditEvent.actorUserId, filter.person),
      and(eq(auditEvent.targetKind, 'person'), eq(auditEvent.targetId, filter.person)),
    );
    if (person) conditions.push(person);
  }
  if (filter.since) conditions.push(gte(auditEvent.at, filter.since));
  if (filter.before) conditions.push(lt(auditEvent.at, filter.before));
  if (filter.after) {
    conditions.push(sql`(${auditEvent.at}, ${auditEvent.id}) < (${filter.after.at}, ${filter.after.id})`);
  }
  return db
    .select()
    .from(auditEvent)
    .where(and(...conditions))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit);
}

export async function retentionOf(db: Database, orgId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ days: organization.auditRetentionDays })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row?.days;
}

export async function setRetention(db: Database, orgId: string, days: number): Promise<void> {
  await db.update(organization).set({ auditRetentionDays: days }).where(eq(organization.id, orgId));
}

/** Erases every organisation's events older than its own retention, in one statement; returns how many. */
export async function eraseExpiredEvents(db: Database, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with erased as (
        delete from audit_event e using organization o
        where o.id = e.organization_id
          and e.at < ${now.toISOString()}::timestamptz - make_interval(days => o.audit_retention_days)
        returning 1
      ) select count(*)::integer as n from erased`),
  );
  return row?.n ?? 0;
}
