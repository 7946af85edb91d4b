import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planRevision } from '../../db/schema/index.js';
import type { PartKind } from './plan-parts.js';
import { type PlanRow, updatePlanRow } from './plans.repository.js';

export type EntityType = PartKind | 'plan';
export type RevisionAction = 'create' | 'update' | 'delete' | 'restore' | 'import';
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
export function planHistory(tx: Database, plan: PlanRow, actorUserId: string) {
  let seq = plan.revisionSeq;
  let changed = false;
  let planChanges: Parameters<typeof updatePlanRow>[2] = {};

  return {
    async record(entityType: EntityType, entityId: string, action: RevisionAction, before: Content, after: Content) {
      if (action === 'update' && isDeepStrictEqual(before, after)) return;
      changed = true;
      if (action === 'update' && seq > 0) {
        const [last] = await tx
          .select()
          .from(planRevision)
          .where(and(eq(planRevision.planId, plan.id), eq(planRevision.seq, seq)));
        const mergeable =
          last &&
          last.entityType === entityType &&
          last.entityId === entityId &&
          last.actorUserId === actorUserId &&
          (last.action === 'update' || last.action === 'create') &&
          Date.now() - last.updatedAt.getTime() < MERGE_WINDOW_MS;
        if (mergeable) {
          await tx.update(planRevision).set({ after, updatedAt: new Date() }).where(eq(planRevision.id, last.id));
          return;
        }
      }
      seq += 1;
      await tx.insert(planRevision).values({
        id: randomUUID(),
        planId: plan.id,
        seq,
        actorUserId,
        entityType,
        entityId,
        action,
        before,
        after,
      });
    },

    /** Changes to the plan row itself, written by `finish`. */
    changePlan(changes: Parameters<typeof updatePlanRow>[2]) {
      planChanges = { ...planChanges, ...changes };
    },

    /** Writes the plan's new revision number (and any plan changes); called once, before commit. */
    async finish() {
      if (changed || Object.keys(planChanges).length > 0) {
        await updatePlanRow(tx, plan.id, { ...planChanges, revisionSeq: seq });
      }
    },

    get seq() {
      return seq;
    },
  };
}

export type PlanHistory = ReturnType<typeof planHistory>;
