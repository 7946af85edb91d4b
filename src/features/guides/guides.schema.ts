import { z } from 'zod';

const prompt = z
  .string({ error: 'A prompt is text.' })
  .trim()
  .min(3, { error: 'Write the prompt (at least 3 characters).' })
  .max(500, { error: 'Keep a prompt to 500 characters.' });

export const guidePart = z.object({
  part: z.number().int().min(1).max(4),
  intro: z.string().trim().max(1000, { error: 'Keep the introduction to 1,000 characters.' }),
  prompts: z.array(prompt).min(1, { error: 'Keep at least one prompt in each part.' }).max(12, {
    error: 'Keep to 12 prompts per part.',
  }),
});

const example = (what: string) =>
  z
    .string({ error: `${what} is text.` })
    .trim()
    .min(3, { error: `Write ${what.toLowerCase()} (at least 3 characters).` })
    .max(200, { error: 'Keep an example to 200 characters.' });

/** The examples the SMART check quotes, in the organisation's own terms (see plans/smart-check.ts). */
export const goalExamples = z
  .object({
    outcome: example('A result someone could see'),
    vague: example('A vague goal'),
    specific: example('The same goal made specific'),
  })
  .meta({ id: 'GoalExamples' });

export const guideView = z
  .object({
    organizationId: z.string(),
    adapted: z.boolean(),
    version: z.number().int(),
    parts: z.array(guidePart),
    goalExamples,
  })
  .meta({ id: 'Guide' });
export type GuideView = z.infer<typeof guideView>;

export const updateGuideBody = z.object({
  parts: z
    .array(guidePart)
    .length(4, { error: 'Send all four parts.' })
    .refine((parts) => parts.every((p, i) => p.part === i + 1), { error: 'Send parts 1 to 4 in order.' }),
  /** Left out: the examples stay as they are. */
  goalExamples: goalExamples.optional(),
  version: z.number().int().min(0, { error: 'Send the version you edited.' }),
});
export type UpdateGuideBody = z.input<typeof updateGuideBody>;
