import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import type { PlanHistory } from './plan-history.js';
import { deleteWithLinks } from './plan-items.service.js';
import { changedFields, type PartKind, snapshotOf } from './plan-parts.js';
import type { PlanRow } from './plans.repository.js';
import { findItem, updateItem } from './plans.repository.js';
import { getPlan, writePlan } from './plans.service.js';
import { findRevision, restoreItem } from './revisions.service.js';

type Content = Record<string, unknown> | null;

const changedAgain = () =>
  conflict(
    'This was changed again after this change. Undo the later change first, or go back to how it was before this change.',
  );

/**
 * Undoes one change and nothing else: the fields it changed go back to what they were before it, and later
 * changes to other fields stay. An item it added is removed, an item it removed comes back (with its old id,
 * so links to it resolve again). When a later change touched the same fields, undoing would throw that work
 * away too, so it is refused (409) and the learner can go back to how it was before this change instead.
 * The undo is a revision of its own, so it can be undone the same way.
 */
export async function undoRevision(ctx: AppContext, actor: Actor, planId: string, revisionId: string) {
  await writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const revision = await findRevision(tx, planId, revisionId);
    if (revision.action === 'sign') {
      throw conflict('A signature changed nothing in the plan, so there is nothing to undo.');
    }
    if (revision.entityType === 'plan') await undoPlanDetails(plan, revision, history);
    else await undoItemChange(tx, planId, revision.entityType as PartKind, revision, history);
  });
  return getPlan(ctx, actor, planId);
}

type Revision = { entityId: string; before: Content; after: Content };

async function undoPlanDetails(plan: PlanRow, revision: Revision, history: PlanHistory) {
  if (revision.before === null) {
    throw conflict('Undoing this would remove the whole plan. To do that, delete the plan under Plan details.');
  }
  const current = { cycle: plan.cycle, title: plan.title };
  const fields = changedFields(revision.before, revision.after) as (keyof typeof current)[];
  if (fields.some((f) => current[f] !== revision.after?.[f])) throw changedAgain();
  const after = { ...current, ...Object.fromEntries(fields.map((f) => [f, revision.before?.[f]])) };
  await history.record('plan', plan.id, 'undo', current, after);
  history.changePlan({ ...after, version: plan.version + 1 });
}

async function undoItemChange(tx: Database, planId: string, kind: PartKind, revision: Revision, history: PlanHistory) {
  const { entityId: id, before, after } = revision;
  const current = await findItem(tx, kind, planId, id);
  if (before === null) {
    if (!current) throw conflict('This was removed since, so there is nothing left to undo.');
    await deleteWithLinks(tx, planId, kind, current, history);
    return;
  }
  if (after === null) {
    if (current) throw conflict('This is back already.');
    await restoreItem(tx, planId, kind, id, before, history, 'undo');
    return;
  }
  if (!current) throw conflict('This was removed since. Go back to how it was before this change to bring it back.');
  const now = snapshotOf(kind, current);
  const fields = changedFields(before, after);
  if (fields.some((f) => !isDeepStrictEqual(now[f] ?? null, after[f] ?? null))) throw changedAgain();
  const updated = await updateItem(
    tx,
    kind,
    id,
    current.version,
    Object.fromEntries(fields.map((f) => [f, before[f]])),
  );
  // The plan's row lock keeps other writers out, so this only guards against a change of that rule.
  if (!updated) throw changedAgain();
  await history.record(kind, id, 'undo', now, snapshotOf(kind, updated));
}
