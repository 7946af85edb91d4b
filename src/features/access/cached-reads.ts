import type { AppContext } from '../../server/context.js';
import { readThrough } from '../../server/read-cache.js';
import { activeGrantsFor, type GrantRow, type PlanOwnership } from './access.repository.js';
import type { Actor } from './actor.js';
import { enrolmentsCache } from './enrolments-cache.js';
import { myMemberships } from './memberships-cache.js';
import { planOwnersCache } from './plan-owners-cache.js';
import type { EnrolmentRecord } from './programme-facts.js';

/*
 * The gate's hot reads come from caches: every plan read and autosave asks "is this mine?", and answers it
 * without a query. The caches are the gate's own (memberships-cache.ts, plan-owners-cache.ts, enrolments-cache.ts).
 */

/** Who owns a plan (it never changes): remembered, so a write needs no extra query to check access. */
export function planOwnership(ctx: AppContext, planId: string): Promise<PlanOwnership | undefined> {
  return readThrough(ctx, planOwnersCache, planId);
}

/** An enrolment by id, for "this week" and each thing a participant opens (see enrolments-cache.ts). */
export function enrolmentRecord(ctx: AppContext, enrolmentId: string): Promise<EnrolmentRecord | undefined> {
  return readThrough(ctx, enrolmentsCache, enrolmentId);
}

/*
 * Grants looked up for one request's actor (the Actor object lives as long as its request), so a second check
 * in the same request (a service that reads the plan after checking a comment) reuses the first one's query.
 */
const grantsSeen = new WeakMap<Actor, Map<string, Promise<GrantRow[]>>>();

/**
 * The active shares of a plan with the person (through their membership of the plan's organisation); none for
 * someone outside it. Looked up once per request.
 */
export function activeGrantsOf(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  plan: PlanOwnership,
): Promise<GrantRow[]> {
  let seen = grantsSeen.get(actor);
  if (!seen) {
    seen = new Map();
    grantsSeen.set(actor, seen);
  }
  let pending = seen.get(plan.id);
  if (!pending) {
    pending = (async () => {
      const mine = (await myMemberships(ctx, userId)).find((m) => m.organizationId === plan.organizationId);
      return mine ? activeGrantsFor(ctx.db, plan.id, mine.memberId, new Date()) : [];
    })();
    seen.set(plan.id, pending);
  }
  return pending;
}
