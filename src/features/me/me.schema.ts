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

export const meView = z
  .object({ user: userView, memberships: z.array(myMembership), outbox: z.boolean() })
  .meta({ id: 'Me' });
export type MeView = z.infer<typeof meView>;

export const updateMeBody = z.object({ name: personName });
export type UpdateMeBody = z.input<typeof updateMeBody>;
