import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { conflict, type FieldErrors, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { listItems, type PartRow, readPlan, snapshotOf, updateItem, writePlan } from '../plans/index.js';
import { getLearnerSettings, localDate } from '../settings/index.js';
import { checkinPrompts } from './checkin-prompts.js';
import { checkinDueOn } from './checkin-schedule.js';
import { type CheckinRow, checkinsOfPlan, deleteCheckin, findCheckin, insertCheckin } from './checkins.repository.js';
import type { CheckinsOfPlanView, CheckinView, CreateCheckinInput } from './checkins.schema.js';

/** Goal names by id, to say which goal a progress change was about ("Run a workshop: 40% → 60%"). */
type GoalNames = Map<string, string>;

function viewOf(row: CheckinRow, goalNames: GoalNames): CheckinView {
  return {
    id: row.id,
    planId: row.planId,
    checkedOn: row.checkedOn,
    answers: row.answers,
    progress: row.progress.map((p) => ({ ...p, goal: goalNames.get(p.goalId) ?? null })),
    createdAt: row.createdAt.toISOString(),
  };
}

const namesOf = (goals: { id: string; what?: unknown }[]): GoalNames =>
  new Map(goals.map((g) => [g.id, typeof g.what === 'string' ? g.what : '']));

/**
 * A plan's check-ins (newest first) with the learner's cadence, when the next one is due and the questions
 * to ask. The due date counts from this plan's latest check-in, in the learner's own time zone.
 */
export async function listCheckins(ctx: AppContext, actor: Actor, planId: string): Promise<CheckinsOfPlanView> {
  const plan = await readPlan(ctx, actor, planId);
  const settings = await getLearnerSettings(ctx.db, plan.ownership.userId);
  const rows = await checkinsOfPlan(ctx.db, planId);
  const today = localDate(settings.timeZone);
  const names = namesOf(plan.view.goals);
  return {
    checkins: rows.map((r) => viewOf(r, names)),
    cadence: settings.checkinCadence,
    dueOn: checkinDueOn(settings.checkinCadence, rows[0]?.checkedOn ?? null, today),
    today,
    prompts: checkinPrompts.map((p) => ({ id: p.id, text: p.text })),
  };
}

export async function getCheckin(ctx: AppContext, actor: Actor, planId: string, checkinId: string) {
  const plan = await readPlan(ctx, actor, planId);
  const row = await findCheckin(ctx.db, planId, checkinId);
  if (!row) throw notFound('Check-in');
  return viewOf(row, namesOf(plan.view.goals));
}

/** Checks the progress updates against the plan's goals; every problem is named by its field. */
function checkProgress(input: CreateCheckinInput, goals: Map<string, PartRow>, fields: FieldErrors) {
  const seen = new Set<string>();
  input.progress.forEach((update, i) => {
    if (!goals.has(update.goalId)) fields[`progress.${i}.goalId`] = 'Choose a goal of this plan.';
    else if (seen.has(update.goalId)) fields[`progress.${i}.goalId`] = 'This goal is updated twice; keep one.';
    seen.add(update.goalId);
  });
}

/**
 * Records a check-in: the answers to the prompts, and the goal progress it updates. The goals change through
 * the plan's own write path (row lock, history, cache), and the check-in is stored in the same transaction,
 * so a bad value anywhere leaves everything as it was.
 */
export async function createCheckin(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateCheckinInput,
): Promise<CheckinView> {
  const { row, names } = await writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const fields: FieldErrors = {};
    const answers = checkinPrompts.flatMap((p) => {
      const answer = input.answers[p.id]?.trim();
      return answer ? [{ prompt: p.text, answer }] : [];
    });
    if (answers.length === 0) fields.answers = 'Answer at least one of the questions.';
    const goals = new Map((await listItems(tx, 'goal', planId)).map((g) => [g.id, g]));
    checkProgress(input, goals, fields);
    if (Object.keys(fields).length > 0) throw validationError(fields);

    const progress: CheckinRow['progress'] = [];
    for (const update of input.progress) {
      const current = goals.get(update.goalId) as PartRow;
      const change = {
        ...(update.progress !== current.progress && { progress: update.progress }),
        ...(update.status !== undefined && update.status !== current.status && { status: update.status }),
      };
      if (Object.keys(change).length === 0) continue;
      const updated = await updateItem(tx, 'goal', current.id, current.version, change);
      // The plan's row lock keeps other writers out, so this only guards against a change of that rule.
      if (!updated) throw conflict('A goal was changed elsewhere meanwhile. Reload the page and check in again.');
      await history.record('goal', current.id, 'update', snapshotOf('goal', current), snapshotOf('goal', updated));
      goals.set(current.id, updated);
      if ('progress' in change)
        progress.push({ goalId: current.id, from: current.progress as number, to: update.progress });
    }

    const settings = await getLearnerSettings(tx, plan.userId);
    const row = await insertCheckin(tx, {
      id: randomUUID(),
      planId,
      userId: plan.userId,
      checkedOn: localDate(settings.timeZone),
      answers,
      progress,
    });
    return { row, names: namesOf([...goals.values()]) };
  });
  return viewOf(row, names);
}

/** Deletes a check-in. The progress it recorded stays on the goals: it is part of the plan and its history. */
export async function removeCheckin(ctx: AppContext, actor: Actor, planId: string, checkinId: string) {
  await requireAccess(ctx, actor, 'plan:write', { plan: planId });
  if (!(await deleteCheckin(ctx.db, planId, checkinId))) throw notFound('Check-in');
}
