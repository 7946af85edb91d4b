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

export const guideView = z
  .object({
    organizationId: z.string(),
    adapted: z.boolean(),
    version: z.number().int(),
    parts: z.array(guidePart),
  })
  .meta({ id: 'Guide' });
export type GuideView = z.infer<typeof guideView>;

export const updateGuideBody = z.object({
  parts: z
    .array(guidePart)
    .length(4, { error: 'Send all four parts.' })
    .refine((parts) => parts.every((p, i) => p.part === i + 1), { error: 'Send parts 1 to 4 in order.' }),
  version: z.number().int().min(0, { error: 'Send the version you edited.' }),
});
export type UpdateGuideBody = z.input<typeof updateGuideBody>;
