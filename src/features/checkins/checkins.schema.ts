import { z } from 'zod';
import { checkinCadences } from '../../db/schema/index.js';
import { goalStatusEnum } from '../plans/index.js';
import { ANSWER_MAX, type CheckinPromptId, checkinPromptIds } from './checkin-prompts.js';

const id = z.string().min(1).max(64);

const answer = z
  .string({ error: 'Write your answer as text.' })
  .trim()
  .max(ANSWER_MAX, { error: `Keep each answer to ${ANSWER_MAX.toLocaleString('en')} characters.` });

/** Answers keyed by prompt id ("learned", "help", ...); unanswered questions may be left out or empty. */
const answers = z
  .object(
    Object.fromEntries(checkinPromptIds.map((p) => [p, answer.optional()])) as Record<
      CheckinPromptId,
      z.ZodOptional<typeof answer>
    >,
  )
  .strict();

export const progressUpdate = z.object({
  goalId: id,
  progress: z
    .number({ error: 'Progress is a whole number from 0 to 100.' })
    .int({ error: 'Progress is a whole number from 0 to 100.' })
    .min(0, { error: 'Progress is a whole number from 0 to 100.' })
    .max(100, { error: 'Progress is a whole number from 0 to 100.' }),
  status: goalStatusEnum.optional(),
});

export const createCheckinBody = z.object({
  answers,
  progress: z.array(progressUpdate).max(100, { error: 'Update at most 100 goals at once.' }).default([]),
});
export type CreateCheckinInput = z.infer<typeof createCheckinBody>;

export const checkinView = z
  .object({
    id: z.string(),
    planId: z.string(),
    /** The learner's own calendar date of the check-in. */
    checkedOn: z.string(),
    answers: z.array(z.object({ prompt: z.string(), answer: z.string() })),
    /** Goal progress the check-in changed; `goal` is the goal's current name, null once it was deleted. */
    progress: z.array(z.object({ goalId: z.string(), goal: z.string().nullable(), from: z.number(), to: z.number() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Checkin' });
export type CheckinView = z.infer<typeof checkinView>;

export const checkinPromptView = z.object({ id: z.string(), text: z.string() }).meta({ id: 'CheckinPrompt' });

export const checkinsOfPlanView = z
  .object({
    checkins: z.array(checkinView),
    cadence: z.enum(checkinCadences),
    /** When the next check-in is due (YYYY-MM-DD), or null without a cadence. */
    dueOn: z.string().nullable(),
    /** Today in the learner's time zone, so pages can say "due today" or "overdue" as the learner's clock does. */
    today: z.string(),
    prompts: z.array(checkinPromptView),
  })
  .meta({ id: 'CheckinsOfPlan' });
export type CheckinsOfPlanView = z.infer<typeof checkinsOfPlanView>;

export const checkinParams = z.object({ planId: id, checkinId: id });
