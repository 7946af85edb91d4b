import { z } from 'zod';
import { idParam, pageLimit } from '../../server/schemas.js';
import { auditActionCodes } from './audit-actions.js';

/** The longest and shortest a retention may be: a day at least, ten years at most. */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;

export const auditParams = z.object({ orgId: idParam });

const dateOnly = z.iso.date({ error: 'Use a date such as 2026-12-06.' });

export const auditQuery = z
  .object({
    action: z.enum(auditActionCodes, { error: 'Choose one of the listed kinds of event.' }).optional(),
    /** Events by this person (their user id), or about them (the target). */
    person: idParam.optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    cursor: z.string().max(200).optional(),
    limit: pageLimit(200, 50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The end is before the start.' });
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(auditActionCodes),
  /** The action in words. */
  summary: z.string(),
  actor: z.object({ userId: z.string().nullable(), name: z.string(), email: z.string().nullable() }),
  target: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  address: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditList = z.object({
  events: z.array(auditEventView),
  nextCursor: z.string().nullable(),
  retentionDays: z.number(),
  actions: z.array(z.object({ code: z.enum(auditActionCodes), label: z.string() })),
});
export type AuditList = z.infer<typeof auditList>;

export const auditSettingsBody = z.object({
  retentionDays: z
    .number({ error: 'Give a number of days.' })
    .int({ error: 'Give a whole number of days.' })
    .min(RETENTION_DAYS.min, { error: `Keep events at least ${RETENTION_DAYS.min} day.` })
    .max(RETENTION_DAYS.max, { error: `Keep events at most ${RETENTION_DAYS.max} days (ten years).` }),
});
export const auditSettingsView = z.object({ retentionDays: z.number() });
