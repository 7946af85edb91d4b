import { randomUUID } from 'node:crypto';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { decodeCursor, encodeCursor, isInstant } from '../../server/keyset-cursor.js';
import type { Actor } from '../access/index.js';
import { coverageOf, requireAccess, type SharedPart } from '../access/index.js';
import { readPlan } from '../plans/index.js';
import { checkShareTarget } from './share-target.js';
import { filterPlan, labelOfRead, whatWasRead } from './shared-view.js';
import {
  endExpiredShares,
  findGrant,
  findMemberInOrg,
  findSameActiveGrant,
  type GrantWithNames,
  insertAccessLog,
  insertGrant,
  listAccessLog,
  listGrantsOfPlan,
  listSharedWithMember,
  revokeGrant,
  userName,
} from './sharing.repository.js';
import type {
  AccessLogEntry,
  CreateGrantInput,
  GrantView,
  SharedPlanView,
  SharedWithMeItem,
} from './sharing.schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A goal share outlives its goal (the learner sees it in the list until they revoke it). */
const deletedGoal = '(a goal since deleted)';

function stateOf(g: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): GrantView['state'] {
  // A share ended at its expiry (to make room for sharing the same again) still reads as expired.
  if (g.expiresAt && g.expiresAt <= now && (!g.revokedAt || g.revokedAt >= g.expiresAt)) return 'expired';
  if (g.revokedAt) return 'revoked';
  return 'active';
}

function grantViewOf({ grant, memberName, goalWhat }: GrantWithNames, now: Date): GrantView {
  return {
    id: grant.id,
    planId: grant.planId,
    member: { id: grant.granteeMemberId, name: memberName },
    scope: grant.scope,
    part: (grant.part as SharedPart | null) ?? null,
    goal: grant.goalId ? { id: grant.goalId, what: goalWhat ?? deletedGoal } : null,
    access: grant.access,
    reason: grant.reason,
    state: stateOf(grant, now),
    expiresAt: iso(grant.expiresAt),
    revokedAt: iso(grant.revokedAt),
    createdAt: grant.createdAt.toISOString(),
  };
}

/** Every share of the plan, active and past (the "who can see what" page). */
export async function listGrants(ctx: AppContext, actor: Actor, planId: string): Promise<GrantView[]> {
  await requireAccess(ctx, actor, 'plan:share', { plan: planId });
  const now = new Date();
  return (await listGrantsOfPlan(ctx.db, planId)).map((row) => grantViewOf(row, now));
}

/**
 * Shares the whole plan, one part or one goal with a member of the plan's organisation. The same active
 * share twice is a conflict (revoke it first to change it), so the list never shows duplicates.
 */
export async function createGrant(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateGrantInput,
): Promise<GrantView> {
  const { user, plan } = await requireAccess(ctx, actor, 'plan:share', { plan: planId });
  const now = new Date();
  const fields: Record<string, string> = {};

  const member = await findMemberInOrg(ctx.db, plan.organizationId, input.memberId);
  if (!member) fields.memberId = 'Choose a member of this organisation.';
  else if (member.id === plan.memberId) fields.memberId = 'You can always see your own plan; choose someone else.';

  const { part, goalId, fields: targetFields } = await checkShareTarget(ctx.db, planId, input);
  Object.assign(fields, targetFields);

  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) fields.expiresAt = 'Choose an end in the future, or leave it empty.';
  if (Object.keys(fields).length > 0) throw validationError(fields);

  const same = { planId, memberId: input.memberId, scope: input.scope, part, goalId };
  const id = randomUUID();
  // Two clicks at once: the unique index stops the second insert, whose retry then finds the first.
  const existing = await retryIfRaced(() =>
    ctx.db.transaction(async (tx) => {
      await endExpiredShares(tx, same, now);
      const found = await findSameActiveGrant(tx, same, now);
      if (found) return found;
      await insertGrant(tx, {
        id,
        planId,
        granteeMemberId: input.memberId,
        scope: input.scope,
        part,
        goalId,
        access: input.access,
        reason: 'share',
        grantedBy: user.userId,
        expiresAt,
      });
      return undefined;
    }),
  );
  if (existing) {
    throw conflict(
      'This is already shared with that person. Revoke it first to change it.',
      { memberId: 'Already shared with this person.' },
      { current: grantViewOf((await findGrant(ctx.db, planId, existing.id)) as GrantWithNames, now) },
    );
  }
  return grantViewOf((await findGrant(ctx.db, planId, id)) as GrantWithNames, now);
}

/** Revokes a share at once: the next read by its grantee answers 404. */
export async function revokeShare(ctx: AppContext, actor: Actor, planId: string, grantId: string): Promise<GrantView> {
  await requireAccess(ctx, actor, 'plan:share', { plan: planId });
  if (!(await findGrant(ctx.db, planId, grantId))) throw notFound('Share');
  const now = new Date();
  await revokeGrant(ctx.db, grantId, now);
  return grantViewOf((await findGrant(ctx.db, planId, grantId)) as GrantWithNames, now);
}

/** Who read what of the plan, and when: newest first, a page at a time. Only the owner sees it. */
export async function listAccessLogPage(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: { cursor?: string; limit: number },
): Promise<{ entries: AccessLogEntry[]; nextCursor: string | null }> {
  await requireAccess(ctx, actor, 'plan:share', { plan: planId });
  const cursor = query.cursor ? decodeCursor(query.cursor, isInstant) : undefined;
  const after = cursor && { at: cursor.position, id: cursor.id };
  const rows = await listAccessLog(ctx.db, planId, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // Goals are named as they read now; the owner's cached plan has them without another query.
  const plan = await readPlan(ctx, actor, planId);
  const goalNames = new Map(plan.view.goals.map((g) => [g.id, g.what]));
  return {
    entries: page.map(({ entry, viewerName }) => ({
      id: entry.id,
      viewer: { name: viewerName },
      what: entry.what,
      label: labelOfRead(entry.what, goalNames),
      at: entry.at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.position, last.entry.id) : null,
  };
}

/** What others shared with me in an organisation and is still active. */
export async function listSharedWithMe(ctx: AppContext, actor: Actor, orgId: string): Promise<SharedWithMeItem[]> {
  const { memberId } = await requireAccess(ctx, actor, 'share:list-received', { org: orgId });
  const rows = await listSharedWithMember(ctx.db, memberId, new Date());
  return rows.map(({ grant, cycle, title, ownerName, goalWhat }) => ({
    grantId: grant.id,
    planId: grant.planId,
    cycle,
    title,
    owner: { name: ownerName },
    scope: grant.scope,
    part: (grant.part as SharedPart | null) ?? null,
    goal: grant.goalId ? { id: grant.goalId, what: goalWhat ?? deletedGoal } : null,
    access: grant.access,
    expiresAt: iso(grant.expiresAt),
    sharedAt: grant.createdAt.toISOString(),
  }));
}

/**
 * A plan as someone it was shared with sees it: cut down to exactly what their active shares cover, and the
 * read recorded in the learner's access log. No active share answers 404, like a plan that does not exist.
 * The cached view is the owner's whole plan; it is filtered here, per grantee, and never sent as it is.
 */
export async function readSharedPlan(ctx: AppContext, actor: Actor, planId: string): Promise<SharedPlanView> {
  const entry = await readPlan(ctx, actor, planId, 'plan:read-shared');
  // The same check again, for the shares it found: they were read once for this request, not twice.
  const { user, grants } = await requireAccess(ctx, actor, 'plan:read-shared', { plan: entry.ownership });
  const cover = coverageOf(grants);
  const broadest = grants.find((g) => g.scope === 'plan') ?? grants[0];
  // The access check saw these same grants; none left means no access.
  if (!broadest) throw notFound('Plan');
  await insertAccessLog(ctx.db, {
    id: randomUUID(),
    planId,
    grantId: broadest.id,
    viewerUserId: user.userId,
    what: whatWasRead(cover),
  });
  const { view } = entry;
  return {
    id: view.id,
    organizationId: view.organizationId,
    cycle: view.cycle,
    title: view.title,
    owner: { name: await userName(ctx.db, entry.ownership.userId) },
    access: grants.some((g) => g.access === 'comment') ? 'comment' : 'read',
    covers: cover,
    ...filterPlan(view, cover),
  };
}
