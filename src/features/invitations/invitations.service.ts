import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { membership } from '../../db/schema/index.js';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { instantText } from '../../server/date-text.js';
import { AppError, conflict, forbidden, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { findMembership, requireAccess, requireUser } from '../access/index.js';
import { markEmailVerified } from '../auth/index.js';
import { invitationMail } from '../mail/index.js';
import { hasMemberWithEmail } from '../members/index.js';
import { findOrganization } from '../orgs/index.js';
import { getLearnerSettings } from '../settings/index.js';
import {
  addressesOfCsv,
  addressesOfText,
  checkListed,
  type LineProblem,
  MAX_INVITATIONS_PER_BATCH,
} from './address-list.js';
import {
  findInvitationById,
  findInvitationByTokenHash,
  findOpenInvitation,
  type InvitationRow,
  insertInvitation,
  listInvitations,
  markInvitation,
} from './invitations.repository.js';
import type { createInvitationBody, InvitationView, inviteManyBody } from './invitations.schema.js';

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

/** Who invites, to where: found once per request, whether it makes one invitation or a hundred. */
interface Inviting {
  orgId: string;
  orgName: string;
  inviter: { userId: string; name: string };
  /** The inviter's: the e-mail says until when the link works on their clock. */
  timeZone: string;
}

/** Checks the actor may invite (and invite owners, if asked to), and gathers what every invitation needs. */
async function startInviting(inTx: AppContext, actor: Actor, orgId: string, role: string): Promise<Inviting> {
  const { user } = await requireAccess(inTx, actor, 'invitation:manage', { org: orgId });
  if (role === 'owner') await requireAccess(inTx, actor, 'invitation:invite-owner', { org: orgId });
  const org = await findOrganization(inTx.db, orgId);
  if (!org) throw notFound('Organisation');
  const { timeZone } = await getLearnerSettings(inTx.db, user.userId);
  return { orgId, orgName: org.name, inviter: { userId: user.userId, name: user.name }, timeZone };
}

/** Why `email` cannot be invited now (a member already, or invited and still pending), if it cannot. */
async function whyNotInvite(tx: Database, orgId: string, email: string) {
  if (await hasMemberWithEmail(tx, orgId, email)) return { why: 'member' as const };
  const open = await findOpenInvitation(tx, orgId, email);
  if (open && statusOf(open) === 'pending') return { why: 'invited' as const, open };
  return { why: null, expired: open };
}

/**
 * Makes one invitation and sends its e-mail, in the caller's transaction: if the mail cannot be sent, the
 * whole transaction ends and no invitation is left behind. An expired invitation to the same address still
 * counts as open in the unique index; it is retired to make room.
 */
async function makeInvitation(
  inTx: AppContext,
  inviting: Inviting,
  email: string,
  role: InvitationView['role'],
  expired?: InvitationRow,
) {
  const tx = inTx.db;
  if (expired) await markInvitation(tx, expired.id, { revokedAt: new Date() });
  const token = randomBytes(32).toString('base64url');
  const row = await insertInvitation(tx, {
    id: randomUUID(),
    organizationId: inviting.orgId,
    email,
    role,
    tokenHash: hashToken(token),
    invitedById: inviting.inviter.userId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
  });
  const url = `${inTx.config.baseUrl}/invite/${token}`;
  const mail = invitationMail(email, inviting.inviter.name, inviting.orgName, url, row.expiresAt, inviting.timeZone);
  try {
    await inTx.mailer.send(mail, tx);
  } catch (err) {
    inTx.log.error({ err }, 'invitation e-mail failed');
    throw new AppError(
      'unavailable',
      'The invitation e-mail could not be sent, so no invitation was made. Try again later.',
    );
  }
  return { ...view(row, inviting.inviter.name), url };
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
      const inviting = await startInviting(inTx, actor, orgId, input.role);
      const found = await whyNotInvite(inTx.db, orgId, input.email);
      if (found.why === 'member') {
        throw conflict('This person is already a member.', { email: 'Already a member of this organisation.' });
      }
      if (found.why === 'invited') {
        throw conflict(
          'This person has a pending invitation already.',
          { email: 'Already invited; withdraw that invitation to send a new one.' },
          { current: view(found.open, null) },
        );
      }
      return makeInvitation(inTx, inviting, input.email, input.role, found.expired);
    }),
  );
}

/**
 * Invites many people at once, from pasted addresses or a CSV file's text. Every entry is checked first
 * (a valid address, not listed twice, not a member, not invited already); if any is wrong, the answer is 400
 * with one problem per line and nothing is made or sent. Otherwise every invitation is made, and its e-mail
 * sent, in one transaction: all of them, or none.
 */
export async function inviteMany(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof inviteManyBody>) {
  return retryIfRaced(() =>
    inTransaction(ctx, async (inTx) => {
      const inviting = await startInviting(inTx, actor, orgId, input.role);
      const read =
        input.format === 'csv' ? addressesOfCsv(input.addresses) : { addresses: addressesOfText(input.addresses) };
      const { valid, problems } = checkListed(read.addresses);
      if (read.problem) problems.push(read.problem);
      const expired = new Map<string, InvitationRow>();
      for (const l of valid) {
        const found = await whyNotInvite(inTx.db, orgId, l.address);
        if (found.why === 'member') problems.push({ ...l, message: 'Already a member of this organisation.' });
        else if (found.why === 'invited')
          problems.push({ ...l, message: 'Already invited (the invitation is pending).' });
        else if (found.expired) expired.set(l.address, found.expired);
      }
      refuseUnlessAllValid(valid.length, problems);
      const invitations = [];
      for (const l of valid) {
        invitations.push(await makeInvitation(inTx, inviting, l.address, input.role, expired.get(l.address)));
      }
      return { invitations };
    }),
  );
}

/** The one answer for a list that cannot be sent as it is: every problem, by line, and nothing made. */
function refuseUnlessAllValid(validCount: number, problems: LineProblem[]) {
  if (problems.length === 0 && validCount === 0) {
    throw validationError({ addresses: 'Enter at least one e-mail address.' }, 'The list has no addresses.');
  }
  if (problems.length === 0 && validCount > MAX_INVITATIONS_PER_BATCH) {
    const message = `Invite at most ${MAX_INVITATIONS_PER_BATCH} people at once; this list has ${validCount}.`;
    throw validationError({ addresses: message }, message);
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    const message =
      problems.length === 1
        ? `Line ${problems[0]?.line} needs fixing; nobody was invited.`
        : `${problems.length} lines need fixing; nobody was invited.`;
    throw new AppError('validation', message, { addresses: message }, { lines: problems });
  }
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
          token: `This invitation expired on ${instantText(inv.expiresAt, (await getLearnerSettings(tx, user.userId)).timeZone)}.`,
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
