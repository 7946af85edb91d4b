import { z } from 'zod';
import { personName, userView } from '../auth/index.js';
import { roleEnum } from '../orgs/index.js';

export const myMembership = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  memberId: z.string(),
  role: roleEnum,
});
export type MyMembership = z.infer<typeof myMembership>;

/**
 * A membership the organisation's directory (SCIM) suspended: the person is told by whom, and which of their
 * plans they can still download (the plan's export).
 */
export const suspendedMembership = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  suspendedAt: z.string(),
  suspendedBy: z.string(),
  plans: z.array(z.object({ id: z.string(), title: z.string(), cycle: z.string() })),
});
export type SuspendedMembership = z.infer<typeof suspendedMembership>;

export const meView = z
  .object({
    user: userView,
    memberships: z.array(myMembership),
    suspended: z.array(suspendedMembership),
    outbox: z.boolean(),
  })
  .meta({ id: 'Me' });
export type MeView = z.infer<typeof meView>;

export const updateMeBody = z.object({ name: personName });
export type UpdateMeBody = z.input<typeof updateMeBody>;
