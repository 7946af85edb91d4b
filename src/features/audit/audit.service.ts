import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import {
  type AuditFilter,
  type AuditRow,
  insertAuditEvents,
  listAuditEvents,
  retentionOf,
  setRetention,
} from './audit.repository.js';
import type { AuditEventView, AuditList, AuditQuery } from './audit.schema.js';
import { AUDIT_ACTIONS, type AuditAction, auditActionCodes } from './audit-actions.js';

/** Who did it, as the log keeps it: a person (their name and address as they were then) or the system. */
export interface AuditActor {
  userId: string | null;
  name: string;
  email: string | null;
  address: string | null;
}

export const SYSTEM: AuditActor = { userId: null, name: 'Waymark', email: null, address: null };

/** The person behind a request, for the log. */
export function auditActorOf(actor: Actor): AuditActor {
  if (actor.kind === 'directory') {
    const name = `The organisation's directory (SCIM token “${actor.tokenName}”)`;
    return { userId: null, name, email: null, address: actor.address ?? null };
  }
  if (actor.kind !== 'user') return { userId: null, name: 'Someone not signed in', email: null, address: null };
  return { userId: actor.userId, name: actor.name, email: actor.email, address: actor.address ?? null };
}

export interface AuditEntry {
  orgId: string;
  action: AuditAction;
  target?: { kind: string; id?: string | null; name?: string | null };
  /** Settings' names and before/after values only: never a plan's, log's or post's words. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Records acts in the organisations' audit logs, in the transaction `db` the act itself runs in: the event is
 * kept exactly when the act is.
 */
export async function recordAudit(db: Database, by: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAuditEvents(
    db,
    list.map((e) => ({
      id: randomUUID(),
      organizationId: e.orgId,
      actorUserId: by.userId,
      actorName: by.name,
      actorEmail: by.email,
      action: e.action,
      targetKind: e.target?.kind ?? null,
      targetId: e.target?.id ?? null,
      targetName: e.target?.name ?? null,
      details: e.details ?? {},
      address: by.address,
    })),
  );
}

function viewOf(row: AuditRow): AuditEventView {
  const action = row.action as AuditAction;
  return {
    id: row.id,
    at: row.at.toISOString(),
    action,
    summary: AUDIT_ACTIONS[action] ?? row.action,
    actor: { userId: row.actorUserId, name: row.actorName, email: row.actorEmail },
    target: row.targetKind ? { kind: row.targetKind, id: row.targetId, name: row.targetName } : null,
    // jsonb keeps keys in its own order (shortest first): alphabetical reads better ("from" before "to").
    details: Object.fromEntries(Object.entries(row.details).sort(([a], [b]) => a.localeCompare(b))),
    address: row.address,
  };
}

const encodeCursor = (row: AuditRow) =>
  Buffer.from(JSON.stringify([row.at.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)))
      return { at: new Date(at), id };
  } catch {
    // answered below
  }
  throw validationError({ cursor: 'This cursor is not one a page gave; start again without it.' });
}

/** The query's dates as instants: `from` at the start of that day (UTC), `to` up to the end of its day. */
function filterOf(query: AuditQuery): AuditFilter {
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
  return {
    action: query.action,
    person: query.person,
    since: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    before: query.to ? dayAfter(query.to) : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  };
}

const actionChoices = auditActionCodes.map((code) => ({ code, label: AUDIT_ACTIONS[code] }));

/** A page of the organisation's audit log, newest first, for its owners and L&D admins. */
export async function listAudit(ctx: AppContext, actor: Actor, orgId: string, query: AuditQuery): Promise<AuditList> {
  await requireAccess(ctx, actor, 'audit:read', { org: orgId });
  const rows = await listAuditEvents(ctx.db, orgId, filterOf(query), query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(viewOf),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    retentionDays: (await retentionOf(ctx.db, orgId)) ?? 365,
    actions: actionChoices,
  };
}

/** The most rows one CSV holds: a filter narrows a bigger log. */
export const CSV_LIMIT = 50_000;

/**
 * The log (as filtered) as CSV, with times in UTC as ISO 8601 for spreadsheets; the download itself is
 * recorded, in the same transaction as the read.
 */
export async function auditCsv(ctx: AppContext, actor: Actor, orgId: string, query: AuditQuery) {
  return inTransaction(ctx, async (inTx) => {
    await requireAccess(inTx, actor, 'audit:read', { org: orgId });
    const rows = await listAuditEvents(inTx.db, orgId, { ...filterOf(query), after: undefined }, CSV_LIMIT);
    await recordAudit(inTx.db, auditActorOf(actor), {
      orgId,
      action: 'export.audit_csv',
      details: { rows: rows.length, ...(query.action && { action: query.action }) },
    });
    const csv = stringify(
      rows.map((r) => {
        const v = viewOf(r);
        return [
          v.at,
          v.action,
          v.summary,
          v.actor.name,
          v.actor.email ?? '',
          v.target ? `${v.target.kind}${v.target.name ? `: ${v.target.name}` : ''}` : '',
          Object.entries(v.details)
            .map(([k, value]) => `${k}=${value}`)
            .join('; '),
          v.address ?? '',
        ];
      }),
      { header: true, columns: ['at_utc', 'action', 'what', 'by', 'by_email', 'about', 'details', 'address'] },
    );
    return { csv, fileName: `waymark-audit-${new Date().toISOString().slice(0, 10)}.csv` };
  });
}

/** Owners set how long events are kept; the change itself is recorded with the old and the new value. */
export async function setAuditRetention(ctx: AppContext, actor: Actor, orgId: string, retentionDays: number) {
  return inTransaction(ctx, async (inTx) => {
    await requireAccess(inTx, actor, 'audit:configure', { org: orgId });
    const before = await retentionOf(inTx.db, orgId);
    if (before !== retentionDays) {
      await setRetention(inTx.db, orgId, retentionDays);
      await recordAudit(inTx.db, auditActorOf(actor), {
        orgId,
        action: 'audit.retention_changed',
        details: { from_days: before ?? null, to_days: retentionDays },
      });
    }
    return { retentionDays };
  });
}
