import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planRevision, user } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { reviewKindLabels } from './labels.js';
import type { EntityType } from './plan-history.js';
import { deleteWithLinks } from './plan-items.service.js';
import { changedFields, describeItem, type PartKind, snapshotOf } from './plan-parts.js';
import { findItem, insertItem, nextPosition, updateItem } from './plans.repository.js';
import { getPlan, readPlan, writePlan } from './plans.service.js';

/** One revision of the plan, or 404 (a revision of another plan is not found either). */
export async function findRevision(tx: Database, planId: string, revisionId: string) {
  const [revision] = await tx
    .select()
    .from(planRevision)
    .where(and(eq(planRevision.planId, planId), eq(planRevision.id, revisionId)));
  if (!revision) throw notFound('Revision');
  return revision;
}

type Content = Record<string, unknown> | null;
type RevisionRow = typeof planRevision.$inferSelect;

/** A signature's revision names the review and the side that signed ("Learning agreement (as supervisor)"). */
function signatureLabel(after: Content): string {
  const kind = reviewKindLabels[after?.kind as keyof typeof reviewKindLabels] ?? 'Review';
  return typeof after?.signer === 'string' ? `${kind} (as ${after.signer})` : kind;
}

function summaryOf(row: RevisionRow & { actorName: string | null }) {
  const signature = row.action === 'sign';
  return {
    id: row.id,
    seq: row.seq,
    entityType: row.entityType as EntityType,
    entityId: row.entityId,
    action: row.action,
    label: signature ? signatureLabel(row.after) : describeItem(row.entityType as EntityType, row.after ?? row.before),
    // A signature changes no field of the plan; what it records is not content to compare.
    changedFields: signature ? [] : changedFields(row.before, row.after),
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const withActor = {
  id: planRevision.id,
  planId: planRevision.planId,
  seq: planRevision.seq,
  actorUserId: planRevision.actorUserId,
  entityType: planRevision.entityType,
  entityId: planRevision.entityId,
  action: planRevision.action,
  before: planRevision.before,
  after: planRevision.after,
  createdAt: planRevision.createdAt,
  updatedAt: planRevision.updatedAt,
  actorName: user.name,
};

/** The plan's history, newest first, a page at a time (`before` is a revision number from the last page). */
export async function listRevisions(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  page: { before?: number; limit: number; entityId?: string },
) {
  await readPlan(ctx, actor, planId);
  const rows = await ctx.db
    .select(withActor)
    .from(planRevision)
    .leftJoin(user, eq(user.id, planRevision.actorUserId))
    .where(
      and(
        eq(planRevision.planId, planId),
        page.before !== undefined ? lt(planRevision.seq, page.before) : undefined,
        page.entityId ? eq(planRevision.entityId, page.entityId) : undefined,
      ),
    )
    .orderBy(desc(planRevision.seq))
    .limit(page.limit);
  return { revisions: rows.map(summaryOf), nextBefore: rows.length === page.limit ? rows.at(-1)?.seq : undefined };
}

/** One revision with the content before and after it, for the diff. */
export async function getRevision(ctx: AppContext, actor: Actor, planId: string, revisionId: string) {
  await readPlan(ctx, actor, planId);
  const [row] = await ctx.db
    .select(withActor)
    .from(planRevision)
    .leftJoin(user, eq(user.id, planRevision.actorUserId))
    .where(and(eq(planRevision.planId, planId), eq(planRevision.id, revisionId)));
  if (!row) throw notFound('Revision');
  return { ...summaryOf(row), before: row.before, after: row.after };
}

/**
 * The content each entity had right after revision `seq`: for every entity changed later, the `before` of its
 * first later revision. Entities not changed since are as they are now and need nothing. Signatures are not
 * changes: their `before` is no content, and taking it would hide the plan's real state behind them.
 */
async function stateAfter(tx: Database, planId: string, seq: number, entityId?: string) {
  const later = await tx
    .select()
    .from(planRevision)
    .where(
      and(
        eq(planRevision.planId, planId),
        gt(planRevision.seq, seq),
        ne(planRevision.action, 'sign'),
        entityId ? eq(planRevision.entityId, entityId) : undefined,
      ),
    )
    .orderBy(asc(planRevision.seq));
  const targets = new Map<string, { type: EntityType; id: string; content: Content }>();
  for (const r of later) {
    const key = `${r.entityType}:${r.entityId}`;
    if (!targets.has(key)) targets.set(key, { type: r.entityType as EntityType, id: r.entityId, content: r.before });
  }
  return [...targets.values()];
}

/**
 * Brings back the plan (scope 'plan') or only the revision's item (scope 'item') as it was right after this
 * revision (point 'after'), or right before it (point 'before': this change and every later one undone).
 * The restore is itself a set of new revisions, so it can be undone the same way.
 */
export async function restoreRevision(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  revisionId: string,
  { scope, point }: { scope: 'plan' | 'item'; point: 'before' | 'after' },
) {
  await writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const revision = await findRevision(tx, planId, revisionId);
    // The state right before a revision is the state right after the one before it.
    const seq = point === 'before' ? revision.seq - 1 : revision.seq;
    const targets = await stateAfter(tx, planId, seq, scope === 'item' ? revision.entityId : undefined);
    // Goals before the items that link to them, so links are restored pointing at existing goals.
    const order: EntityType[] = ['plan', 'reflection', 'goal', 'network', 'share'];
    targets.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    for (const target of targets) {
      if (target.type === 'plan') {
        const before = { cycle: plan.cycle, title: plan.title };
        const after = target.content as { cycle: string; title: string } | null;
        if (!after) continue;
        await history.record('plan', plan.id, 'restore', before, after);
        history.changePlan({ cycle: after.cycle, title: after.title, version: plan.version + 1 });
        continue;
      }
      await restoreItem(tx, planId, target.type, target.id, target.content, history);
    }
  });
  return getPlan(ctx, actor, planId);
}

/** Puts one item back to `content` (removing it when that is null), recorded as `action`. */
export async function restoreItem(
  tx: Database,
  planId: string,
  kind: PartKind,
  id: string,
  content: Content,
  history: Parameters<typeof deleteWithLinks>[4],
  action: 'restore' | 'undo' = 'restore',
) {
  const current = await findItem(tx, kind, planId, id);
  if (!content) {
    if (current) await deleteWithLinks(tx, planId, kind, current, history);
    return;
  }
  if (!current) {
    const row = await insertItem(tx, kind, { ...content, id, planId, position: await nextPosition(tx, kind, planId) });
    await history.record(kind, id, action, null, snapshotOf(kind, row));
    return;
  }
  const updated = await updateItem(tx, kind, id, current.version, content);
  if (updated) await history.record(kind, id, action, snapshotOf(kind, current), snapshotOf(kind, updated));
}
