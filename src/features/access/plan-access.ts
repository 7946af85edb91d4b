import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { cached } from '../../server/read-cache.js';
import { listMyMemberships } from '../me/me.repository.js';
import { requireUser, type SignedIn } from './access.js';
import type { Actor } from './actor.js';

/** What the access rules need to know about a plan, or any record one learner owns (a log entry). */
export interface PlanOwnership {
  id: string;
  organizationId: string;
  memberId: string;
  userId: string;
}

/**
 * Who may do what with a plan. The learner owns it: until they share it (a later feature adds shares here),
 * nobody else — not another member, not their supervisor, not an L&D admin or the owner — can read it.
 */
const planRules = {
  'plan:read': ({ isOwner }) => isOwner,
  'plan:write': ({ isOwner }) => isOwner,
  'plan:export': ({ isOwner }) => isOwner,
  // The learning log is as private as the plan.
  'log:read': ({ isOwner }) => isOwner,
  'log:write': ({ isOwner }) => isOwner,
} satisfies Record<string, (c: { isOwner: boolean }) => boolean>;

export type PlanAction = keyof typeof planRules;

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
  const memberships = await cached(ctx.caches.memberships, user.userId, () => listMyMemberships(ctx.db, user.userId));
  const isOwner = plan.userId === user.userId && memberships.some((m) => m.memberId === plan.memberId);
  if (!planRules[action]({ isOwner })) throw notFound(what);
  return user;
}

/**
 * The actor's membership of an organisation, from the cached list of their memberships (no query): for
 * personal records (a plan, the log) any member may keep their own. Not a member → 404, anonymous → 401.
 */
export async function requireOwnMembership(ctx: AppContext, actor: Actor, orgId: string) {
  const user = requireUser(actor);
  const memberships = await cached(ctx.caches.memberships, user.userId, () => listMyMemberships(ctx.db, user.userId));
  const membership = memberships.find((m) => m.organizationId === orgId);
  if (!membership) throw notFound('Organisation');
  return { user, memberId: membership.memberId };
}
