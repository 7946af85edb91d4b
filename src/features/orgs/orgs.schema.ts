import { z } from 'zod';
import { oneLineText } from '../../server/schemas.js';

export const roleEnum = z.enum(['owner', 'admin', 'member'], { error: 'Choose owner, admin or member.' });
export type Role = z.infer<typeof roleEnum>;

export const orgName = oneLineText({ error: 'Enter a name for the organisation.' })
  .trim()
  .min(2, { error: 'Use at least 2 characters.' })
  .max(120, { error: 'Use at most 120 characters.' });

export const createOrgBody = z.object({ name: orgName });
export type CreateOrgBody = z.input<typeof createOrgBody>;
export const removedDataDays = z
  .number({ error: 'Enter a number of days.' })
  .int({ error: 'Enter a whole number of days.' })
  .min(1, { error: 'Keep it at least 1 day: people need time to download their data.' })
  .max(365, { error: 'Keep it at most 365 days.' });

export const updateOrgBody = z
  .object({ name: orgName.optional(), removedDataDays: removedDataDays.optional() })
  .refine((b) => b.name !== undefined || b.removedDataDays !== undefined, {
    error: 'Change the name or the days a removed member’s data is kept.',
  });
export type UpdateOrgBody = z.input<typeof updateOrgBody>;

export const orgView = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    memberCount: z.number().int(),
    /** Days a removed member's data is kept for them to download, then erased. */
    removedDataDays: z.number().int(),
    yourRole: roleEnum,
    yourMemberId: z.string(),
  })
  .meta({ id: 'Organization' });
export type OrgView = z.infer<typeof orgView>;

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
