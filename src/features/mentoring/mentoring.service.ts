import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { findItem } from '../plans/index.js';
import { goalQuery } from './goal-query.js';
import { isFull, mentorReasons, peerReasons } from './match-reasons.js';
import { findMentors, findPeers } from './mentoring.repository.js';
import type { GoalMatches } from './mentoring.schema.js';

/** Extra mentors fetched beyond `limit`, so mentors with no free place can drop below ones who have room. */
const spare = 5;

/** The goal fields matching reads: its wording and topics (never anything else of the plan). */
export interface GoalWording {
  what: string;
  why: string;
  how: string;
  topics: string[];
}

/**
 * Suggested mentors and peers for one goal, each with its reasons, without an access check: for
 * `matchGoal` (which checks) and for the quality test and bench that call it directly.
 */
export async function suggestForGoal(
  db: Database,
  input: { orgId: string; learnerMemberId: string; goal: GoalWording; limit: number },
): Promise<GoalMatches> {
  const scope = { orgId: input.orgId, learnerMemberId: input.learnerMemberId, query: goalQuery(input.goal) };
  const [mentorRows, peerRows] = await Promise.all([
    findMentors(db, { ...scope, limit: input.limit + spare }),
    findPeers(db, { ...scope, limit: input.limit }),
  ]);
  // Stable sort: the order by score is kept within "has room" and within "full".
  const ranked = [...mentorRows].sort((a, b) => Number(isFull(a)) - Number(isFull(b))).slice(0, input.limit);
  return {
    mentors: ranked.map((m) => ({
      memberId: m.id,
      name: m.name,
      title: m.title,
      topics: m.topics,
      about: m.about,
      capacity: m.capacity,
      activeMentees: m.activeMentees,
      score: Math.round(m.score * 1000) / 1000,
      reasons: mentorReasons(m),
    })),
    peers: peerRows.map((p) => ({
      memberId: p.id,
      name: p.name,
      topics: p.topics,
      score: Math.round(p.score * 1000) / 1000,
      reasons: peerReasons(p),
    })),
  };
}

/**
 * Suggested mentors and peers for one of the actor's goals. Owner only (`plan:write`, not `plan:read`):
 * the suggestions name colleagues for the learner to approach, not something a person the plan is shared
 * with does on the learner's behalf. Only members of the plan's organisation are considered, never the learner.
 */
export async function matchGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  limit: number,
): Promise<GoalMatches> {
  const { goal, plan } = await requireAccess(ctx, actor, 'plan:write', {
    plan: planId,
    goal: await findItem(ctx.db, 'goal', planId, goalId),
  });
  return suggestForGoal(ctx.db, {
    orgId: plan.organizationId,
    learnerMemberId: plan.memberId,
    goal: goal as unknown as GoalWording,
    limit,
  });
}
