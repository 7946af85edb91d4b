import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { myMemberships } from '../me/memberships-cache.js';
import { activeGrantsFor, type GrantRow } from '../sharing/sharing.repository.js';
import { requireUser, type SignedIn } from './access.js';
import type { Actor } from './actor.js';

/** What the access rules need to know about a plan, or any record one learner owns (a log entry). */
export interface PlanOwnership {
  id: string;
  organizationId: string;
  memberId: string;
  userId: string;
}

interface RuleContext {
  isOwner: boolean;
  /** The actor's active shares of the plan; only loaded for the actions in `grantAware`. */
  grants: GrantRow[];
}

/**
 * Who may do what with a plan. The learner owns it: nobody else — not another member, not their supervisor,
 * not an L&D admin or the owner — can read it, unless the learner shared it with them. A share is read through
 * its own route (`plan:read-shared`, filtered to what it covers); every owner route stays owner-only.
 */
const planRules = {
  'plan:read': ({ isOwner }) => isOwner,
  'plan:write': ({ isOwner }) => isOwner,
  'plan:export': ({ isOwner }) => isOwner,
  // Only the learner decides who sees what, and sees who looked.
  'plan:share': ({ isOwner }) => isOwner,
  // Someone the learner shared (part of) the plan with, while the share is active. Never the owner: they
  // read their own plan whole, and a read by the owner is not one to log.
  'plan:read-shared': ({ isOwner, grants }) => !isOwner && grants.length > 0,
  // The learning log is as private as the plan.
  'log:read': ({ isOwner }) => isOwner,
  'log:write': ({ isOwner }) => isOwner,
} satisfies Record<string, (c: RuleContext) => boolean>;

export type PlanAction = keyof typeof planRules;
const grantAware = new Set<PlanAction>(['plan:read-shared']);

/*
 * Grants looked up for one request's actor (the Actor object lives as long as its request), so the service
 * that filters by them reuses the access check's query instead of asking again.
 */
const grantsSeen = new WeakMap<Actor, Map<string, Promise<GrantRow[]>>>();

/**
 * The active shares of a plan with the actor (through their membership of the plan's organisation); none for
 * someone outside it. Looked up once per request.
 */
export async function activeGrantsOf(ctx: AppContext, actor: Actor, plan: PlanOwnership): Promise<GrantRow[]> {
  const user = requireUser(actor);
  let seen = grantsSeen.get(actor);
  if (!seen) {
    seen = new Map();
    grantsSeen.set(actor, seen);
  }
  let pending = seen.get(plan.id);
  if (!pending) {
    pending = (async () => {
      const memberships = await myMemberships(ctx, user.userId);
      const mine = memberships.find((m) => m.organizationId === plan.organizationId);
      return mine ? activeGrantsFor(ctx.db, plan.id, mine.memberId, new Date()) : [];
    })();
    seen.set(plan.id, pending);
  }
  return pending;
}

/**
 * The plan is the actor's own, and they still belong to its organisation (checked against the cached list of
 * their memberships, so it costs no query).
 */
async function isPlanOwner(ctx: AppContext, user: SignedIn, plan: PlanOwnership) {
  const memberships = await myMemberships(ctx, user.userId);
  return plan.userId === user.userId && memberships.some((m) => m.memberId === plan.memberId);
}

/**
 * The gate for every plan service call. A plan the actor may not see answers 404, exactly like a plan
 * that does not exist. The owner must still belong to the plan's organisation (checked against the cached
 * list of their memberships, so reading a plan costs no extra query).
 */
export async function requirePlanAccess(
  ctx: AppContext,
  actor: Actor,
  action: PlanAction,
  plan: PlanOwnership | undefined,
  what = 'Plan',
): Promise<SignedIn> {
  const user = requireUser(actor);
  if (!plan) throw notFound(what);
  const isOwner = await isPlanOwner(ctx, user, plan);
  const grants = grantAware.has(action) && !isOwner ? await activeGrantsOf(ctx, actor, plan) : [];
  if (!planRules[action]({ isOwner, grants })) throw notFound(what);
  return user;
}

/**
 * Who the actor is to a plan: its owner, or someone with active shares of it (their grants). Anyone else,
 * like a plan that does not exist, gets 404. For features whose rules depend on what the shares cover
 * (comments: which goals and reflections, to read or to comment).
 */
export async function planViewer(ctx: AppContext, actor: Actor, plan: PlanOwnership | undefined, what = 'Plan') {
  const user = requireUser(actor);
  if (!plan) throw notFound(what);
  const isOwner = await isPlanOwner(ctx, user, plan);
  const grants = isOwner ? [] : await activeGrantsOf(ctx, actor, plan);
  if (!isOwner && grants.length === 0) throw notFound(what);
  return { user, isOwner, grants };
}

/**
 * The actor's membership of an organisation, from the cached list of their memberships (no query): for
 * personal records (a plan, the log) any member may keep their own. Not a member → 404, anonymous → 401.
 */
export async function requireOwnMembership(ctx: AppContext, actor: Actor, orgId: string) {
  const user = requireUser(actor);
  const memberships = await myMemberships(ctx, user.userId);
  const membership = memberships.find((m) => m.organizationId === orgId);
  if (!membership) throw notFound('Organisation');
  return { user, memberId: membership.memberId };
}
