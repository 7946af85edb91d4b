import { createHash, randomUUID } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { cached } from '../../server/read-cache.js';
import { requireAccess } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { type PlanAction, type PlanOwnership, requirePlanAccess } from '../access/plan-access.js';
import { fileKeysOfPlan } from '../evidence/evidence.repository.js';
import { forgetLogPages } from '../log/log-page-cache.js';
import { insertContent, type PlanContent } from './plan-content.js';
import { type PlanHistory, planHistory, type RevisionAction } from './plan-history.js';
import { viewOf } from './plan-parts.js';
import {
  deletePlanRow,
  findPlan,
  insertPlan,
  listAllItems,
  listPlansOfMember,
  lockPlan,
  type PlanRow,
} from './plans.repository.js';
import { type PlanSummary, type PlanView, planView, type updatePlanBody } from './plans.schema.js';

export interface CachedPlan {
  ownership: PlanOwnership;
  view: PlanView;
  /** The view serialised once, so a read of an unchanged plan costs no serialisation. */
  json: string;
  /** Changes whenever the content does (autosaves that merge into history leave the plan row untouched). */
  etag: string;
  /** The JSON compressed once per change, for the browsers (all of them) that accept it: far fewer bytes to send. */
  brotli: Buffer;
  gzip: Buffer;
}

/** The whole plan as its owner sees it, straight from the database (no access check: callers make theirs). */
export async function loadPlanView(db: Database, planId: string) {
  const row = await findPlan(db, planId);
  if (!row) return undefined;
  const items = await listAllItems(db, planId);
  // Parsing once here checks the view against its schema, as the route's serialiser would on every request.
  const view = planView.parse({
    id: row.id,
    organizationId: row.organizationId,
    memberId: row.memberId,
    cycle: row.cycle,
    title: row.title,
    templateId: row.templateId,
    carriedFromPlanId: row.carriedFromPlanId,
    guide: { part: row.guidePart, step: row.guideStep },
    version: row.version,
    revision: row.revisionSeq,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reflections: items.reflection.map((r) => viewOf('reflection', r)),
    goals: items.goal.map((r) => viewOf('goal', r)),
    network: items.network.map((r) => viewOf('network', r)),
    shares: items.share.map((r) => viewOf('share', r)),
  });
  return { row, view };
}

async function loadPlan(db: Database, planId: string): Promise<CachedPlan | undefined> {
  const loaded = await loadPlanView(db, planId);
  if (!loaded) return undefined;
  const { row, view } = loaded;
  const json = JSON.stringify(view);
  const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
  const brotli = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  return { ownership: row, view, json, etag, brotli, gzip: gzipSync(json, { level: 6 }) };
}

/** The whole plan, for someone allowed `action` on it; from the cache when unchanged. */
export async function readPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  action: PlanAction = 'plan:read',
): Promise<CachedPlan> {
  // A miss is not cached (undefined), so ids that do not exist cost a query each time, as they should.
  const entry = await cached(ctx.caches.plans, planId, () => loadPlan(ctx.db, planId) as Promise<CachedPlan>);
  await requirePlanAccess(ctx, actor, action, entry?.ownership);
  return entry;
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
  const owner = await ownershipOf(ctx, planId);
  const user = await requirePlanAccess(ctx, actor, 'plan:write', owner);
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
  const owner = await ownershipOf(ctx, planId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await lockPlan(tx, planId);
      if (!locked) throw notFound('Plan');
      const { plan, last } = locked;
      const history = planHistory(tx, plan, actorUserId, last);
      const result = await change(tx, plan, history);
      await history.finish();
      return result;
    });
  } finally {
    forgetPlan(ctx, planId, owner);
  }
}

/** After a write to a plan: its cached copy goes, and so do its owner's log pages, which name its goals. */
export function forgetPlan(ctx: AppContext, planId: string, owner: PlanOwnership | undefined) {
  ctx.caches.plans.forget(planId);
  if (owner) forgetLogPages(ctx, owner.memberId);
}

/**
 * Who owns a plan: it never changes, so it is remembered (until the plan is deleted) and a write needs no
 * extra query to check access.
 */
export async function ownershipOf(ctx: AppContext, planId: string): Promise<PlanOwnership | undefined> {
  return cached(ctx.caches.planOwners, planId, async () => {
    const row = await findPlan(ctx.db, planId);
    return row && { id: row.id, organizationId: row.organizationId, memberId: row.memberId, userId: row.userId };
  });
}

/** The learner's own plans in an organisation. */
export async function listMyPlans(ctx: AppContext, actor: Actor, orgId: string): Promise<PlanSummary[]> {
  const { me } = await requireAccess(ctx.db, actor, 'org:read', { orgId });
  const rows = await listPlansOfMember(ctx.db, me.id);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
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
  const { user, me } = await requireAccess(ctx.db, actor, 'org:read', { orgId: input.organizationId });
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
  const owner = await ownershipOf(ctx, planId);
  await requirePlanAccess(ctx, actor, 'plan:write', owner);
  // Evidence rows go with the plan (foreign key); their files are removed once the rows are gone.
  const fileKeys = await fileKeysOfPlan(ctx.db, planId);
  await deletePlanRow(ctx.db, planId);
  await Promise.all(fileKeys.map((key) => ctx.files.delete(key)));
  forgetPlan(ctx, planId, owner);
  ctx.caches.planOwners.forget(planId);
}
