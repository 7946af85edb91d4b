import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planRevision } from '../../db/schema/index.js';
import type { PartKind } from './plan-parts.js';
import { type PlanRow, type RevisionRow, updatePlanRow } from './plans.repository.js';

export type EntityType = PartKind | 'plan';
/**
 * `sign` records a signature of a review (learning agreement, year-end review) on the plan entity: it changes
 * no content, so diff and restore pass over it, and as the newest revision it keeps later autosaves from
 * merging into a revision made before the signature (see `merges`).
 */
export type RevisionAction = 'create' | 'update' | 'delete' | 'restore' | 'undo' | 'import' | 'sign';
type Content = Record<string, unknown> | null;

/**
 * Autosave sends a write every few seconds while someone types. Consecutive saves of the same item by the
 * same person within this window become one revision, so history reads like edits, not keystrokes.
 */
export const MERGE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Records the revisions of one write transaction on a locked plan. Merging touches only the plan's newest
 * revision, which keeps the invariant history relies on: replaying `before` values backwards from the newest
 * revision reconstructs the plan at any earlier one.
 */
export function planHistory(tx: Database, plan: PlanRow, actorUserId: string, newest: RevisionRow | null = null) {
  let seq = plan.revisionSeq;
  let last = newest;
  let added = false;
  let planChanges: Parameters<typeof updatePlanRow>[2] = {};

  /** Whether an update of this item now would fold into the newest revision (then its `before` is not needed). */
  const merges = (entityType: EntityType, entityId: string) =>
    last !== null &&
    last.entityType === entityType &&
    last.entityId === entityId &&
    last.actorUserId === actorUserId &&
    (last.action === 'update' || last.action === 'create') &&
    Date.now() - last.updatedAt.getTime() < MERGE_WINDOW_MS;

  return {
    merges,

    /** Records a change; for an update that merges, `before` may be undefined (the merged revision keeps its own). */
    async record(
      entityType: EntityType,
      entityId: string,
      action: RevisionAction,
      before: Content | undefined,
      after: Content,
    ) {
      if (action === 'update' && before !== undefined && isDeepStrictEqual(before, after)) return;
      if (action === 'update' && last && merges(entityType, entityId)) {
        const updatedAt = new Date();
        await tx.update(planRevision).set({ after, updatedAt }).where(eq(planRevision.id, last.id));
        last = { ...last, after, updatedAt };
        return;
      }
      if (before === undefined) throw new Error('history needs the content before a change that does not merge');
      seq += 1;
      added = true;
      const row = { id: randomUUID(), planId: plan.id, seq, actorUserId, entityType, entityId, action, before, after };
      await tx.insert(planRevision).values(row);
      const now = new Date();
      last = { ...row, createdAt: now, updatedAt: now };
    },

    /** Changes to the plan row itself, written by `finish`. */
    changePlan(changes: Parameters<typeof updatePlanRow>[2]) {
      planChanges = { ...planChanges, ...changes };
    },

    /**
     * Writes the plan's new revision number (and any plan changes); called once, before commit. An autosave
     * that only merged into the newest revision leaves the plan row alone: one round trip fewer per keystroke.
     */
    async finish() {
      if (added || Object.keys(planChanges).length > 0) {
        await updatePlanRow(tx, plan.id, { ...planChanges, revisionSeq: seq });
      }
    },

    get seq() {
      return seq;
    },
  };
}

export type PlanHistory = ReturnType<typeof planHistory>;
