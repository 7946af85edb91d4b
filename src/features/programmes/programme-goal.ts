import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { plan } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { recordLinkEvidence } from '../evidence/index.js';
import { createItem, findItem, snapshotOf, updateItem, writePlanOnBehalf } from '../plans/index.js';
import { findCohort } from './enrolments.repository.js';
import { loadProgrammeOutline } from './programme-outline.js';
import { weekReleaseDate } from './release-schedule.js';
import { sayDay } from './this-week.js';

/*
 * A programme as a goal in the learner's plan: added on enrolling if they choose (weeks as milestones, dated by
 * their own calendar), and marked achieved, with the programme as evidence, when they complete it. The plan
 * stays the learner's: both writes go through the plans feature's own writes and land in the plan's history.
 */

/** The member's current plan: the newest one whose cycle is not closed. */
async function currentPlanOf(db: Database, memberId: string) {
  const [row] = await db
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.memberId, memberId), isNull(plan.closedAt)))
    .orderBy(desc(plan.createdAt), desc(plan.cycle), desc(plan.id))
    .limit(1);
  return row;
}

/**
 * Adds "Complete <title>" to the member's current plan, through `createItem` (so the plan's access check and
 * history apply). Runs in the caller's transaction (`ctx.db`). Returns the plan and goal to link the enrolment to.
 */
export async function addProgrammeGoal(
  ctx: AppContext,
  actor: Actor,
  input: { memberId: string; programmeId: string; cohortId?: string | undefined; today: string; now: Date },
): Promise<{ planId: string; goalId: string }> {
  const current = await currentPlanOf(ctx.db, input.memberId);
  if (!current) throw validationError({ addGoal: 'Start a plan first to add the programme to it as a goal.' });
  const outline = await loadProgrammeOutline(ctx.db, input.programmeId);
  if (!outline) throw validationError({ addGoal: 'This programme has no outline yet.' });
  const cohort = input.cohortId ? await findCohort(ctx.db, input.cohortId) : undefined;
  const startsOn = cohort?.startsOn ?? input.today;
  const pacing = cohort ? 'cohort' : outline.programme.selfPaced === 'all_at_once' ? 'all_at_once' : 'weekly';
  const milestones = outline.weeks
    .filter((w) => !w.catchUp)
    .map((w) => ({
      id: randomUUID(),
      title: w.title || `Week ${w.position + 1}`,
      dueDate: weekReleaseDate(startsOn, w.position, pacing),
      done: false,
    }));
  const last = outline.weeks.at(-1);
  const { title, summary } = outline.programme;
  const goal = (await createItem(ctx, actor, current.id, 'goal', {
    what: `Complete ${title}`.slice(0, 300),
    why: summary,
    how: `Try each of its ${outline.things.length} things and reflect on each one${
      cohort ? `, with ${cohort.name} from ${sayDay(startsOn)}` : ''
    }. ${summary}`.trim(),
    evidence: 'The programme completed: every required thing tried and reflected on.',
    startDate: startsOn,
    targetDate: last
      ? weekReleaseDate(startsOn, last.position + 1, pacing === 'all_at_once' ? 'weekly' : pacing)
      : null,
    status: 'active',
    milestones,
  })) as { id: string };
  return { planId: current.id, goalId: goal.id };
}

/**
 * Marks the programme's goal achieved with a link to the programme as evidence, on behalf of its learner (the
 * programme completed, whichever path completed it). A goal the learner deleted, or achieved already, is left
 * alone. Runs in `tx`.
 */
export async function achieveProgrammeGoal(
  ctx: AppContext,
  tx: Database,
  enrolment: {
    userId: string;
    planId: string | null;
    goalId: string | null;
    organizationId: string;
    programmeId: string;
  },
  programmeTitle: string,
  on: string,
): Promise<boolean> {
  const { planId, goalId } = enrolment;
  if (!planId || !goalId) return false;
  const txCtx: AppContext = { ...ctx, db: tx };
  try {
    return await writePlanOnBehalf(txCtx, enrolment.userId, planId, async (planTx, _plan, history) => {
      const before = await findItem(planTx, 'goal', planId, goalId);
      if (!before || (before as { status?: string }).status === 'achieved') return false;
      const after = await updateItem(planTx, 'goal', goalId, before.version, { status: 'achieved', progress: 100 });
      if (!after) return false;
      await history.record('goal', goalId, 'update', snapshotOf('goal', before), snapshotOf('goal', after));
      await recordLinkEvidence(planTx, {
        planId,
        goalId,
        userId: enrolment.userId,
        title: `Completed ${programmeTitle}`.slice(0, 200),
        url: `${ctx.config.baseUrl}/orgs/${enrolment.organizationId}/programmes/${enrolment.programmeId}`,
        on,
      });
      return true;
    });
  } catch (err) {
    // The plan is gone (deleted, or its learner left): completion stands without the goal.
    if ((err as { code?: string }).code === 'not_found') return false;
    throw err;
  }
}
