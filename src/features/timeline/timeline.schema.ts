import { z } from 'zod';
import { evidenceView } from '../evidence/index.js';
import { learningFormEnum } from '../plans/index.js';

const base = { id: z.string(), date: z.string(), at: z.string() };

/** One thing that happened for a goal, in the shape its kind needs. */
export const timelineItem = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('log'),
    what: z.string(),
    form: learningFormEnum.nullable(),
    source: z.string(),
  }),
  z.object({ ...base, type: z.literal('evidence'), evidence: evidenceView }),
  z.object({
    ...base,
    type: z.literal('checkin'),
    progress: z.object({ from: z.number().int(), to: z.number().int() }),
    answers: z.array(z.object({ prompt: z.string(), answer: z.string() })),
  }),
  z.object({
    ...base,
    type: z.literal('share'),
    shareId: z.string(),
    how: z.string(),
    audience: z.string(),
    link: z.string().nullable(),
    note: z.string(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;

export const goalTimelineView = z.object({ items: z.array(timelineItem) });
export type GoalTimelineView = z.infer<typeof goalTimelineView>;
