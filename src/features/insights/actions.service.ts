import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  goal,
  insightAction,
  insightActionRecipient,
  insightActionResponse,
  membership,
  plan,
} from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { createCommunity, joinCommunity } from '../communities/index.js';
import { notify } from '../notifications/index.js';
import { createItem } from '../plans/index.js';
import { freshSettings } from './dashboard.service.js';
import type { createActionBody } from './insights.schema.js';
import { phraseOf, topicMapCte } from './topic-map.js';

type ActionRow = typeof insightAction.$inferSelect;
type ActionInput = z.infer<typeof createActionBody>;

/** Members who offer to mentor a topic, folded like learners' topics. */
async function mentorsOf(ctx: AppContext, orgId: string, key: string) {
  const result = await ctx.db.execute(sql`
    with ${topicMapCte(orgId)}
    select distinct m.id, m.user_id from membership m cross join unnest(m.mentoring_topics) t
    left join topic_map tm on tm.phrase = insight_phrase(t)
    where m.organization_id = ${orgId} and m.offers_mentoring and coalesce(tm.key, insight_phrase(t)) = ${key}`);
  return rowsOf<{ id: string; user_id: string }>(result);
}

/** Opted-in learners learning a topic this month (their facts say so: nobody who said no is ever told). */
async function learnersOf(ctx: AppContext, orgId: string, key: string) {
  const result = await ctx.db.execute(sql`
    select f.member_id as id, m.user_id from insight_fact f join membership m on m.id = f.member_id
    where f.organization_id = ${orgId} and f.kind = 'topic' and f.key = ${key} and f.months & 1 <> 0
      and m.insights_consent`);
  return rowsOf<{ id: string; user_id: string }>(result);
}

/** An action as both its maker and the people told about it read it. */
const whatWasDone = (a: ActionRow) => ({
  id: a.id,
  kind: a.kind,
  topic: a.topic,
  title: a.title,
  message: a.message,
  url: a.url,
  communityId: a.communityId,
  createdAt: a.createdAt.toISOString(),
});

const noticeOf = (action: ActionRow) =>
  ({
    mentor_call: {
      title: `Mentors wanted: ${action.topic}`,
      body: action.message || 'Can you mentor someone learning this?',
    },
    community: {
      title: `A new community: ${action.title}`,
      body: action.message || `For people learning ${action.topic}.`,
    },
    resource: { title: `Recommended for ${action.topic}: ${action.title}`, body: action.message || (action.url ?? '') },
  })[action.kind];

/**
 * Acts on an insight: a mentor programme call to the members who offer the topic, a community opened and
 * announced to the opted-in learners of the topic, or a resource recommended to them. Who was told is kept
 * so that they (and only they) can open it and take it up; the admin only ever sees how many.
 */
export async function createInsightAction(ctx: AppContext, actor: Actor, orgId: string, input: ActionInput) {
  const { me } = await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  await freshSettings(ctx.db, orgId);
  const key = phraseOf(input.topic);
  const recipients =
    input.kind === 'mentor_call' ? await mentorsOf(ctx, orgId, key) : await learnersOf(ctx, orgId, key);
  if (recipients.length === 0) {
    throw validationError({
      topic:
        input.kind === 'mentor_call'
          ? 'Nobody offers to mentor this topic yet.'
          : 'No opted-in learner is learning this topic at the moment.',
    });
  }
  const id = randomUUID();
  // The community it opens, the action and who was told: one transaction, all of it or nothing.
  await inTransaction(ctx, async (tx) => {
    const communityId =
      input.kind === 'community'
        ? (
            await createCommunity(tx, actor, {
              organizationId: orgId,
              name: input.name,
              topic: input.topic,
              description: input.message,
            })
          ).id
        : null;
    await tx.db.insert(insightAction).values({
      id,
      organizationId: orgId,
      kind: input.kind,
      topic: input.topic,
      title:
        input.kind === 'community'
          ? input.name
          : input.kind === 'resource'
            ? input.title
            : `Mentoring in ${input.topic}`,
      message: input.message,
      url: input.kind === 'resource' ? input.url : null,
      communityId,
      createdByMemberId: me.id,
      recipients: recipients.length,
    });
    await tx.db.insert(insightActionRecipient).values(recipients.map((r) => ({ actionId: id, memberId: r.id })));
  });
  const [saved] = await ctx.db.select().from(insightAction).where(eq(insightAction.id, id));
  if (!saved) throw notFound('Action');
  const notice = noticeOf(saved);
  for (const r of recipients) {
    await notify(ctx, {
      userId: r.user_id,
      organizationId: orgId,
      kind: 'insight_action',
      title: notice.title,
      body: notice.body,
      link: `/orgs/${orgId}/insight-actions/${id}`,
      dedupeKey: `insight_action:${id}`,
    });
  }
  const [view] = await actionViews(ctx, orgId, id);
  if (!view) throw notFound('Action');
  return view;
}

/**
 * Actions with their uptake: volunteers for a mentor call and joiners of a community (both public in the
 * organisation already), learners who added a recommended resource (null while fewer than k).
 */
async function actionViews(ctx: AppContext, orgId: string, onlyId?: string) {
  const { k } = await freshSettings(ctx.db, orgId);
  const rows = await ctx.db
    .select({
      action: insightAction,
      createdBy: sql<
        string | null
      >`(select u.name from membership m join "user" u on u.id = m.user_id where m.id = ${insightAction.createdByMemberId})`,
      responses: sql<number>`(select count(*)::integer from insight_action_response r where r.action_id = ${insightAction.id})`,
      joined: sql<number>`(select count(*)::integer from community_member cm where cm.community_id = ${insightAction.communityId}
        and cm.joined_at > ${insightAction.createdAt} and cm.member_id is distinct from ${insightAction.createdByMemberId})`,
    })
    .from(insightAction)
    .where(and(eq(insightAction.organizationId, orgId), onlyId ? eq(insightAction.id, onlyId) : undefined))
    .orderBy(desc(insightAction.createdAt));
  return rows.map(({ action: a, createdBy, responses, joined }) => {
    const uptake =
      a.kind === 'mentor_call' ? responses : a.kind === 'community' ? joined : responses >= k ? responses : null;
    return {
      ...whatWasDone(a),
      // Learner-targeted actions say how many were told only from k up: fewer could point at people.
      recipients: a.kind === 'mentor_call' || a.recipients >= k ? a.recipients : 0,
      uptake,
      createdBy,
    };
  });
}

export async function listInsightActions(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'insights:read', { org: orgId });
  return { actions: await actionViews(ctx, orgId) };
}

export async function getInsightActionInvite(ctx: AppContext, actor: Actor, actionId: string) {
  const { action: a, me } = await requireAccess(ctx, actor, 'insight-action:read', { insightAction: actionId });
  const [responded] = await ctx.db
    .select()
    .from(insightActionResponse)
    .where(and(eq(insightActionResponse.actionId, a.id), eq(insightActionResponse.memberId, me.id)));
  return {
    ...whatWasDone(a),
    organizationId: a.organizationId,
    responded: Boolean(responded),
  };
}

/**
 * Takes an action up: a mentor volunteers (the admin who called is told), a learner joins the community, or
 * adds the resource to their newest plan's network, linked to their goals on the topic.
 */
export async function respondToInsightAction(ctx: AppContext, actor: Actor, actionId: string) {
  const { action: a, me } = await requireAccess(ctx, actor, 'insight-action:respond', { insightAction: actionId });
  if (a.kind === 'community' && a.communityId) await joinCommunity(ctx, actor, a.communityId);
  if (a.kind === 'resource') {
    const [newest] = await ctx.db
      .select({ id: plan.id })
      .from(plan)
      .where(eq(plan.memberId, me.id))
      .orderBy(desc(plan.createdAt))
      .limit(1);
    if (!newest) throw validationError({ plan: 'Start a plan first: the resource goes into its network.' });
    const goals = await ctx.db
      .select({ id: goal.id, topics: goal.topics })
      .from(goal)
      .where(eq(goal.planId, newest.id));
    const key = phraseOf(a.topic);
    await createItem(ctx, actor, newest.id, 'network', {
      kind: 'resource',
      name: a.title,
      relation: 'website',
      memberId: null,
      url: a.url,
      enlistment: 'active',
      notes: a.message,
      goalIds: goals.filter((g) => g.topics.some((t) => phraseOf(t) === key)).map((g) => g.id),
    });
  }
  const inserted = await ctx.db
    .insert(insightActionResponse)
    .values({ actionId: a.id, memberId: me.id })
    .onConflictDoNothing()
    .returning();
  if (a.kind === 'mentor_call' && inserted.length > 0 && a.createdByMemberId) {
    const [caller] = await ctx.db.select().from(membership).where(eq(membership.id, a.createdByMemberId));
    if (caller) {
      await notify(ctx, {
        userId: caller.userId,
        organizationId: a.organizationId,
        kind: 'insight_action_response',
        title: `A mentor volunteers: ${a.topic}`,
        body: `Someone who offers ${a.topic} answered your call.`,
        link: `/orgs/${a.organizationId}/insights`,
        dedupeKey: `insight_action_response:${a.id}:${me.id}`,
      });
    }
  }
  return getInsightActionInvite(ctx, actor, actionId);
}
