import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { checkin, evidence, logEntry, plan, reflection } from '../../db/schema/index.js';
import type { postSources } from '../../db/schema/posts.js';

type SourceKind = (typeof postSources)[number];

/**
 * Whether the thing a post is made from (a log entry, reflection, evidence or check-in) is the author's own:
 * a post may only be made from what is yours. Answers the plan (and goal) it belongs to, if any.
 */
export async function ownSource(
  db: Database,
  memberId: string,
  source: { kind: SourceKind; id: string },
): Promise<{ planId: string | null; goalId: string | null } | undefined> {
  if (source.kind === 'log') {
    const [row] = await db
      .select({ goalId: logEntry.goalId })
      .from(logEntry)
      .where(and(eq(logEntry.id, source.id), eq(logEntry.memberId, memberId)))
      .limit(1);
    return row && { planId: null, goalId: null };
  }
  if (source.kind === 'reflection') {
    const [row] = await db
      .select({ planId: plan.id })
      .from(reflection)
      .innerJoin(plan, eq(plan.id, reflection.planId))
      .where(and(eq(reflection.id, source.id), eq(plan.memberId, memberId)))
      .limit(1);
    return row && { planId: row.planId, goalId: null };
  }
  if (source.kind === 'evidence') {
    const [row] = await db
      .select({ planId: plan.id, goalId: evidence.goalId })
      .from(evidence)
      .innerJoin(plan, eq(plan.id, evidence.planId))
      .where(and(eq(evidence.id, source.id), eq(plan.memberId, memberId)))
      .limit(1);
    return row;
  }
  const [row] = await db
    .select({ planId: plan.id })
    .from(checkin)
    .innerJoin(plan, eq(plan.id, checkin.planId))
    .where(and(eq(checkin.id, source.id), eq(plan.memberId, memberId)))
    .limit(1);
  return row && { planId: row.planId, goalId: null };
}
