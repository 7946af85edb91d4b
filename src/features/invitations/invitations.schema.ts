import { z } from 'zod';
import { errorBody } from '../../server/schemas.js';
import { emailField } from '../auth/index.js';
import { roleEnum } from '../orgs/index.js';

export const invitationStatus = z.enum(['pending', 'expired', 'accepted', 'revoked']);

export const createInvitationBody = z.object({
  email: emailField,
  role: roleEnum.default('member'),
});
export type CreateInvitationBody = z.input<typeof createInvitationBody>;

/**
 * Many people at once: the text of a pasted list (one address per line, or separated by commas or semicolons;
 * "Name <address>" too) or of a CSV file. Large enough for a CSV of a few hundred rows with names and
 * departments; the number of invitations is limited separately (MAX_INVITATIONS_PER_BATCH).
 */
export const inviteManyBody = z.object({
  addresses: z.string().max(200_000, { error: 'The list is too long: invite at most 100 people at once.' }),
  format: z.enum(['list', 'csv']).default('list'),
  role: roleEnum.default('member'),
});
export type InviteManyBody = z.input<typeof inviteManyBody>;

/** One problem with a line of the list: where it is, what it says, what is wrong. */
export const listProblem = z.object({ line: z.number().int(), entry: z.string(), message: z.string() });
export type ListProblem = z.infer<typeof listProblem>;

export const invitationView = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleEnum,
    status: invitationStatus,
    invitedBy: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof invitationView>;

/** Returned once, to the inviter: the link is not stored and cannot be read back later. */
export const createdInvitation = invitationView.extend({ url: z.string() }).meta({ id: 'CreatedInvitation' });
export type CreatedInvitation = z.infer<typeof createdInvitation>;

export const createdInvitations = z
  .object({ invitations: z.array(createdInvitation) })
  .meta({ id: 'CreatedInvitations' });
export type CreatedInvitations = z.infer<typeof createdInvitations>;

/** A list refused: every line with a problem (nobody was invited). */
export const refusedList = errorBody.extend({ error: errorBody.shape.error.extend({ lines: z.array(listProblem) }) });

export const invitationList = z.object({ invitations: z.array(invitationView) });
export type InvitationList = z.infer<typeof invitationList>;

/** What the person holding an invitation link may see before accepting. */
export const invitationPreview = z
  .object({
    organizationName: z.string(),
    invitedBy: z.string().nullable(),
    email: z.string(),
    role: roleEnum,
    status: invitationStatus,
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreview>;

export const tokenParams = z.object({ token: z.string().min(10).max(100) });
export const invitationParams = z.object({ orgId: z.string().min(1).max(64), invitationId: z.string().min(1).max(64) });
export const acceptedInvitation = z.object({ organizationId: z.string(), memberId: z.string() });
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
