import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { membership } from '../../db/schema/index.js';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { AppError, conflict, forbidden, notFound } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { findMembership, requireAccess, requireUser } from '../access/index.js';
import { markEmailVerified } from '../auth/index.js';
import { invitationMail } from '../mail/index.js';
import { hasMemberWithEmail } from '../members/index.js';
import { findOrganization } from '../orgs/index.js';
import {
  findInvitationById,
  findInvitationByTokenHash,
  findOpenInvitation,
  type InvitationRow,
  insertInvitation,
  listInvitations,
  markInvitation,
} from './invitations.repository.js';
import type { createInvitationBody, InvitationView } from './invitations.schema.js';

export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function statusOf(row: InvitationRow, now = new Date()): InvitationView['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

function view(row: InvitationRow, inviterName: string | null): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    invitedBy: inviterName,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Invites someone by e-mail (owners and L&D admins). The e-mail goes out in the same transaction:
 * if it cannot be sent, no invitation is left behind.
 */
export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof createInvitationBody>,
) {
  // A double click sends the same invitation twice at once: the second answers 409 with the first.
  return retryIfRaced(() =>
    inTransaction(ctx, async (inTx) => {
      const tx = inTx.db;
      const { user } = await requireAccess(inTx, actor, 'invitation:manage', { org: orgId });
      if (input.role === 'owner') await requireAccess(inTx, actor, 'invitation:invite-owner', { org: orgId });
      if (await hasMemberWithEmail(tx, orgId, input.email)) {
        throw conflict('This person is already a member.', { email: 'Already a member of this organisation.' });
      }
      const open = await findOpenInvitation(tx, orgId, input.email);
      if (open && statusOf(open) === 'pending') {
        throw conflict(
          'This person has a pending invitation already.',
          { email: 'Already invited; withdraw that invitation to send a new one.' },
          { current: view(open, null) },
        );
      }
      // An expired invitation still counts as open in the unique index; retire it to make room.
      if (open) await markInvitation(tx, open.id, { revokedAt: new Date() });

      const org = await findOrganization(tx, orgId);
      if (!org) throw notFound('Organisation');
      const token = randomBytes(32).toString('base64url');
      const row = await insertInvitation(tx, {
        id: randomUUID(),
        organizationId: orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: user.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      });
      const url = `${ctx.config.baseUrl}/invite/${token}`;
      try {
        await ctx.mailer.send(invitationMail(input.email, user.name, org.name, url, row.expiresAt), tx);
      } catch (err) {
        ctx.log.error({ err }, 'invitation e-mail failed');
        throw new AppError(
          'unavailable',
          'The invitation e-mail could not be sent, so no invitation was made. Try again later.',
        );
      }
      return { ...view(row, user.name), url };
    }),
  );
}

export async function listOrgInvitations(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'invitation:manage', { org: orgId });
  const rows = await listInvitations(ctx.db, orgId);
  return { invitations: rows.map((r) => view(r.invitation, r.inviterName)) };
}

/** Withdraws an invitation: its link stops working at once. */
export async function revokeInvitation(ctx: AppContext, actor: Actor, orgId: string, invitationId: string) {
  await inTransaction(ctx, async (inTx) => {
    const tx = inTx.db;
    await requireAccess(inTx, actor, 'invitation:manage', { org: orgId });
    const row = await findInvitationById(tx, orgId, invitationId);
    if (!row) throw notFound('Invitation');
    if (row.acceptedAt) throw conflict('This invitation was accepted already; remove the member instead.');
    if (!row.revokedAt) await markInvitation(tx, row.id, { revokedAt: new Date() });
  });
}

/** What an invitation link shows before anyone signs in: the token itself is the credential. */
export async function previewInvitation(ctx: AppContext, token: string) {
  const found = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!found) throw notFound('Invitation');
  return {
    organizationName: found.organizationName,
    invitedBy: found.inviterName,
    email: found.invitation.email,
    role: found.invitation.role,
    status: statusOf(found.invitation),
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

/**
 * Whether `token` is a pending invitation to `email`: holding the link proves the address it was sent to
 * (sign-up then needs no confirmation mail).
 */
export async function invitationProvesAddress(ctx: AppContext, token: string, email: string): Promise<boolean> {
  const found = await findInvitationByTokenHash(ctx.db, hashToken(token));
  return found !== undefined && statusOf(found.invitation) === 'pending' && found.invitation.email === email;
}

/**
 * Joins the organisation. The signed-in account must have the address the invitation was sent to; the
 * link proves that address, so the account counts as confirmed from then on.
 */
export async function acceptInvitation(ctx: AppContext, actor: Actor, token: string) {
  const user = requireUser(actor);
  // Accepting twice at once (two tabs, a double click) joins once and answers both alike.
  const joined = await retryIfRaced(() =>
    ctx.db.transaction(async (tx) => {
      const found = await findInvitationByTokenHash(tx, hashToken(token));
      if (!found) throw notFound('Invitation');
      const inv = found.invitation;
      const status = statusOf(inv);
      if (status === 'revoked')
        throw conflict('This invitation was withdrawn.', { token: 'This invitation was withdrawn.' });
      if (status === 'expired') {
        throw conflict('This invitation has expired. Ask for a new one.', {
          token: `This invitation expired on ${inv.expiresAt.toUTCString()}.`,
        });
      }
      if (inv.email !== user.email.toLowerCase()) {
        throw forbidden(`This invitation was sent to ${inv.email}. Sign in with that address to accept it.`);
      }
      const already = await findMembership(tx, inv.organizationId, user.userId);
      if (status === 'accepted' && !already)
        throw conflict('This invitation was used already.', { token: 'Used already.' });
      let memberId = already?.id;
      if (!memberId) {
        memberId = randomUUID();
        await tx
          .insert(membership)
          .values({ id: memberId, organizationId: inv.organizationId, userId: user.userId, role: inv.role });
      }
      if (!inv.acceptedAt) await markInvitation(tx, inv.id, { acceptedAt: new Date() });
      await markEmailVerified(tx, user.userId, inv.email);
      await ctx.changes.announce({ kind: 'memberships', userId: user.userId }); // one more organisation
      return { organizationId: inv.organizationId, memberId };
    }),
  );
  return joined;
}
