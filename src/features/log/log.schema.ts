import { z } from 'zod';
import { pageLimit } from '../../server/schemas.js';
import { learningFormEnum } from '../plans/index.js';

const isoDate = z.iso.date({ error: 'Use a date like 2027-03-31.' });
const id = z.string().min(1).max(64);

const what = z
  .string({ error: 'Say what you learned.' })
  .trim()
  .min(1, { error: 'Say what you learned.' })
  .max(2000, { error: 'Keep it to 2,000 characters.' });
const source = z.string().trim().max(300, { error: 'Keep it to 300 characters.' });

/**
 * A key the device makes for one capture (a UUID): sending it again, after an answer that never arrived, answers
 * the entry already made instead of making a second (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
export const captureKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'Use a key of 16 to 64 letters, digits, - or _ (a UUID fits).' });

export const createLogBody = z.object({
  organizationId: id,
  captureKey: captureKey.optional(),
  what,
  form: learningFormEnum.nullable().optional(),
  source: source.optional(),
  goalId: id.nullable().optional(),
  learnedOn: isoDate.optional(),
});
export type CreateLogBody = z.input<typeof createLogBody>;

export const updateLogBody = z.object({
  what: what.optional(),
  form: learningFormEnum.nullable().optional(),
  source: source.optional(),
  goalId: id.nullable().optional(),
  learnedOn: isoDate.optional(),
  version: z.number({ error: 'Send the version you edited.' }).int().min(1).optional(),
});
export type UpdateLogBody = z.input<typeof updateLogBody>;

export const logEntryView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    learnedOn: z.string(),
    what: z.string(),
    form: learningFormEnum.nullable(),
    source: z.string(),
    goal: z.object({ id: z.string(), what: z.string(), planId: z.string(), cycle: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'LogEntry' });
export type LogEntryView = z.infer<typeof logEntryView>;

export const listLogQuery = z.object({
  orgId: id,
  goalId: id.optional(),
  form: learningFormEnum.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(200, { error: 'Search with at most 200 characters.' }).optional(),
  limit: pageLimit(100, 25),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListLogQuery = z.input<typeof listLogQuery>;

export const logPage = z
  .object({ entries: z.array(logEntryView), nextCursor: z.string().nullable() })
  .meta({ id: 'LogPage' });
export type LogPage = z.infer<typeof logPage>;

export const logEntryParams = z.object({ entryId: id });

export const myGoal = z
  .object({
    id: z.string(),
    what: z.string(),
    status: z.string(),
    planId: z.string(),
    cycle: z.string(),
    /** The goal's sharing commitments, so a log entry can be marked as one of them. */
    shares: z.array(z.object({ id: z.string(), how: z.string(), audience: z.string(), cadence: z.string() })),
  })
  .meta({ id: 'MyGoal' });
export type MyGoal = z.infer<typeof myGoal>;
export const myGoalList = z.object({ goals: z.array(myGoal) });
export type MyGoalList = z.infer<typeof myGoalList>;

/** Turn a log entry into evidence of a goal (its own goal unless another is named). */
export const logToEvidenceBody = z.object({ goalId: id.optional() });
export type LogToEvidenceBody = z.input<typeof logToEvidenceBody>;

/** Record a log entry as a share done for a sharing commitment. */
export const logToShareBody = z.object({
  shareId: id,
  link: z
    .url({ protocol: /^https?$/, error: 'Use a web address starting with http:// or https://.' })
    .max(2000)
    .nullable()
    .optional(),
});
export type LogToShareBody = z.input<typeof logToShareBody>;
