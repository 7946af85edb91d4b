import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { ChangeOf } from '../../server/changes.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { readThrough } from '../../server/read-cache.js';
import type { Actor } from '../access/index.js';
import { mySuspendedMemberships, requireAccess, requireUser } from '../access/index.js';
import { type CachedPlan, loadPlan, planCache } from './plan-cache.js';
import { insertContent, type PlanContent } from './plan-content.js';
import { type PlanHistory, planHistory, type RevisionAction } from './plan-history.js';
import {
  deletePlanRow,
  fileKeysOfPlan,
  insertPlan,
  listPlansOfMember,
  lockPlan,
  type PlanRow,
} from './plans.repository.js';
import type { PlanSummary, PlanView, updatePlanBody } from './plans.schema.js';

export type { CachedPlan } from './plan-cache.js';
export { loadPlanView } from './plan-cache.js';

/** The whole plan, for someone allowed `action` on it; from the cache when unchanged. */
export async function readPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  action: 'plan:read' | 'plan:read-shared' | 'plan:export' = 'plan:read',
): Promise<CachedPlan> {
  // A miss is not cached (undefined), so ids that do not exist cost a query each time, as they should.
  const entry = await readThrough(ctx, planCache, planId);
  // The cached plan knows its owner: the check needs no query of its own.
  await requireAccess(ctx, actor, action, { plan: entry?.ownership });
  return entry as CachedPlan;
}

/** The whole plan in one response: its details and all four parts. */
export async function getPlan(ctx: AppContext, actor: Actor, planId: string): Promise<PlanView> {
  return (await readPlan(ctx, actor, planId)).view;
}

/**
 * Runs a change to a plan: access first, then one transaction holding the plan's row lock, with a history
 * recorder for the change. The cached copy is dropped after commit.
 */
export async function writePlan<T>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  change: (tx: Database, plan: PlanRow, history: PlanHistory) => Promise<T>,
): Promise<T> {
  // Checked before the transaction: PGlite has one connection, so the check cannot run inside it.
  const { user } = await requireAccess(ctx, actor, 'plan:write', { plan: planId });
  return writePlanOnBehalf(ctx, user.userId, planId, change);
}

/**
 * A change to a plan made by someone other than its owner as part of a collaboration the owner started
 * (a mentor accepting an enlistment moves the network entry's state; a supervisor signing the agreement is
 * recorded in the plan's history). The caller has checked that this person may make exactly this change;
 * the history names them as the actor.
 */
export async function writePlanOnBehalf<T>(
  ctx: AppContext,
  actorUserId: string,
  planId: string,
  change: (tx: Database, plan: PlanRow, history: PlanHistory) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockPlan(tx, planId);
    if (!locked) throw notFound('Plan');
    const { plan, last } = locked;
    const history = planHistory(tx, plan, actorUserId, last);
    const result = await change(tx, plan, history);
    await history.finish();
    await ctx.changes.announce(planChanged(plan));
    return result;
  });
}

/** What a write to a plan announces: the plan (its owner's log pages name its goals and cycle too). */
export const planChanged = (plan: { id: string; memberId: string }): ChangeOf<'plan'> => ({
  kind: 'plan',
  planId: plan.id,
  memberId: plan.memberId,
});

/** The learner's own plans in an organisation. */
export async function listMyPlans(ctx: AppContext, actor: Actor, orgId: string): Promise<PlanSummary[]> {
  const { me } = await requireAccess(ctx, actor, 'plan:list', { org: orgId });
  const rows = await listPlansOfMember(ctx.db, me.id);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/**
 * The learner's own plans in organisations whose directory suspended their membership: what they may still
 * export (the gate's `plan:export` counts a suspended membership; nothing else does).
 */
export async function listPlansWhileSuspended(ctx: AppContext, actor: Actor, memberId: string) {
  const user = requireUser(actor);
  const mine = (await mySuspendedMemberships(ctx, user.userId)).some((m) => m.memberId === memberId);
  if (!mine) return [];
  return (await listPlansOfMember(ctx.db, memberId)).map((r) => ({ id: r.id, title: r.title, cycle: r.cycle }));
}

/** Where a new plan's first content comes from, and how its history should name the copy. */
export interface PlanSource {
  content: PlanContent;
  action: RevisionAction;
  templateId?: string;
  carriedFromPlanId?: string;
}

/**
 * Creates a plan for a cycle, empty or with content copied from a source; everything copied is recorded in
 * the new plan's history. Callers check access to the source themselves (see plan-transfer.service.ts).
 */
export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  input: { organizationId: string; cycle: string; title?: string },
  source?: PlanSource,
): Promise<PlanView> {
  const { user, me } = await requireAccess(ctx, actor, 'plan:create', { org: input.organizationId });
  const planId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      id: planId,
      organizationId: input.organizationId,
      memberId: me.id,
      userId: user.userId,
      cycle: input.cycle,
      title: input.title ?? '',
      templateId: source?.templateId ?? null,
      carriedFromPlanId: source?.carriedFromPlanId ?? null,
    });
    const history = planHistory(tx, plan, user.userId);
    await history.record('plan', plan.id, 'create', null, { cycle: plan.cycle, title: plan.title });
    if (source) await insertContent(tx, plan, source.content, history, source.action);
    await history.finish();
  });
  return getPlan(ctx, actor, planId);
}

/** Renames the plan or its cycle, or moves the learner's place in the guide. */
export async function updatePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: z.infer<typeof updatePlanBody>,
): Promise<PlanView> {
  await writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const details = input.cycle !== undefined || input.title !== undefined;
    if (details && input.version === undefined) throw validationError({ version: 'Send the version you edited.' });
    if (details && input.version !== plan.version) {
      throw conflict('This plan was changed elsewhere meanwhile. Review the change and try again.', undefined, {
        current: (await loadPlan(tx, planId))?.view,
      });
    }
    const before = { cycle: plan.cycle, title: plan.title };
    const after = { cycle: input.cycle ?? plan.cycle, title: input.title ?? plan.title };
    await history.record('plan', plan.id, 'update', before, after);
    // The guide position is where the learner is, not content: it changes no version and leaves no history.
    history.changePlan({
      ...(details && { ...after, version: plan.version + 1 }),
      ...(input.guide && { guidePart: input.guide.part, guideStep: input.guide.step }),
    });
  });
  return getPlan(ctx, actor, planId);
}

/** Deletes a plan with its whole history (the owner only; there is no undo, so the page asks first). */
export async function deletePlan(ctx: AppContext, actor: Actor, planId: string): Promise<void> {
  const { plan: owner } = await requireAccess(ctx, actor, 'plan:write', { plan: planId });
  // Evidence rows go with the plan (foreign key); their files are removed once the rows are gone.
  const fileKeys = await fileKeysOfPlan(ctx.db, planId);
  await deletePlanRow(ctx.db, planId);
  await ctx.changes.announce({ ...planChanged(owner), removed: true });
  await Promise.all(fileKeys.map((key) => ctx.files.delete(key)));
}
