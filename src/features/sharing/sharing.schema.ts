import { z } from 'zod';
import { grantAccesses, grantScopes } from '../../db/schema/sharing.js';
import { pageLimit } from '../../server/schemas.js';
import { sharedParts } from '../access/index.js';

export type { SharedPart } from '../access/index.js';

import { goalView, networkView, reflectionView, shareView } from '../plans/index.js';

/*
 * Granular sharing: the learner shares the whole plan, one part or one goal with a member of the
 * organisation, to read or to comment; every read by someone else lands in the access log.
 */

const id = z.string().min(1).max(64);

export const planParams = z.object({ planId: id });
export const grantParams = z.object({ planId: id, grantId: id });

export const createGrantBody = z.object({
  memberId: z
    .string({ error: 'Choose the person to share with.' })
    .min(1, { error: 'Choose the person to share with.' })
    .max(64),
  scope: z.enum(grantScopes, { error: 'Choose what to share: the whole plan, a part or a goal.' }),
  part: z.enum(sharedParts, { error: 'Choose reflections, goals, network or sharing.' }).optional(),
  goalId: id.optional(),
  access: z.enum(grantAccesses, { error: 'Choose read or comment.' }).default('read'),
  expiresAt: z.iso.datetime({ offset: true, error: 'Use a date and time like 2027-03-31T17:00:00Z.' }).optional(),
});
export type CreateGrantInput = z.infer<typeof createGrantBody>;
export type CreateGrantBody = z.input<typeof createGrantBody>;

/** A share is active until revoked or past its expiry. */
export const grantStates = ['active', 'revoked', 'expired'] as const;

export const grantView = z
  .object({
    id: z.string(),
    planId: z.string(),
    member: z.object({ id: z.string(), name: z.string() }),
    scope: z.enum(grantScopes),
    part: z.enum(sharedParts).nullable(),
    goal: z.object({ id: z.string(), what: z.string() }).nullable(),
    access: z.enum(grantAccesses),
    reason: z.string(),
    state: z.enum(grantStates),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanGrant' });
export type GrantView = z.infer<typeof grantView>;
export const grantList = z.object({ grants: z.array(grantView) });
export type GrantList = z.infer<typeof grantList>;

export const accessLogQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: pageLimit(100, 25),
});
export const accessLogEntry = z
  .object({
    id: z.string(),
    viewer: z.object({ name: z.string() }),
    /** What was read, as stored: 'plan', 'part:goals', 'goal:<id>' (several joined by commas). */
    what: z.string(),
    /** The same, for people: "Whole plan", "Goals", "Goal: Run a workshop". */
    label: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'PlanAccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
export const accessLogPage = z.object({ entries: z.array(accessLogEntry), nextCursor: z.string().nullable() });
export type AccessLogPage = z.infer<typeof accessLogPage>;

export const sharedWithMeQuery = z.object({ orgId: id });
export const sharedWithMeItem = z
  .object({
    grantId: z.string(),
    planId: z.string(),
    cycle: z.string(),
    title: z.string(),
    owner: z.object({ name: z.string() }),
    scope: z.enum(grantScopes),
    part: z.enum(sharedParts).nullable(),
    goal: z.object({ id: z.string(), what: z.string() }).nullable(),
    access: z.enum(grantAccesses),
    expiresAt: z.iso.datetime().nullable(),
    sharedAt: z.iso.datetime(),
  })
  .meta({ id: 'SharedWithMe' });
export type SharedWithMeItem = z.infer<typeof sharedWithMeItem>;
export const sharedWithMeList = z.object({ items: z.array(sharedWithMeItem) });
export type SharedWithMeList = z.infer<typeof sharedWithMeList>;

/** A plan as a grantee sees it: only what their active shares cover. */
export const sharedPlanView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    cycle: z.string(),
    title: z.string(),
    owner: z.object({ name: z.string() }),
    /** The most a grantee may do with what they see: comment wins over read. */
    access: z.enum(grantAccesses),
    covers: z.object({ plan: z.boolean(), parts: z.array(z.enum(sharedParts)), goalIds: z.array(z.string()) }),
    reflections: z.array(reflectionView),
    goals: z.array(goalView),
    network: z.array(networkView),
    shares: z.array(shareView),
  })
  .meta({ id: 'SharedPlan' });
export type SharedPlanView = z.infer<typeof sharedPlanView>;
