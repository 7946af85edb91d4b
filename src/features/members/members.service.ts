import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor, MembershipRow } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { archiveMember } from '../archives/index.js';
import { type AuditEntry, auditActorOf, recordAudit } from '../audit/index.js';
import { moveLearnerFacts } from '../insights/index.js';
import {
  countOwners,
  deleteMembership,
  findMemberRow,
  getMember,
  listMembers,
  supervisesTransitively,
  updateMembership,
} from './members.repository.js';
import type { listMembersQuery, MemberView, updateMemberBody, updateProfileBody } from './members.schema.js';

/**
 * The organisation's people, searchable by name, e-mail or title. Every member may see the directory; owners and
 * L&D admins also see who is suspended (and that they are), everyone else only those who can take part.
 */
export async function listOrgMembers(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  query: z.infer<typeof listMembersQuery>,
) {
  const { me } = await requireAccess(ctx, actor, 'member:list', { org: orgId });
  return listMembers(ctx.db, orgId, { ...query, withSuspended: me.role !== 'member' });
}

export async function getOrgMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  memberId: string,
): Promise<MemberView> {
  await requireAccess(ctx, actor, 'member:read', { org: orgId, member: memberId });
  return (await getMember(ctx.db, orgId, memberId)) as MemberView;
}

async function loadView(db: Database, orgId: string, memberId: string): Promise<MemberView> {
  const member = await getMember(db, orgId, memberId);
  if (!member) throw notFound('Member');
  return member;
}

/** A stale write answers 409 with the state it would have overwritten, so the client can show both. */
async function expectVersion(db: Database, orgId: string, target: MembershipRow, version: number | undefined) {
  if (version !== undefined && version !== target.version) {
    throw conflict('Someone else changed this member meanwhile. Review their change and try again.', undefined, {
      current: await loadView(db, orgId, target.id),
    });
  }
}

async function saveOrConflict(
  db: Database,
  orgId: string,
  target: MembershipRow,
  changes: Parameters<typeof updateMembership>[3],
) {
  if (!(await updateMembership(db, target.id, target.version, changes))) {
    throw conflict('Someone else changed this member meanwhile. Review their change and try again.', undefined, {
      current: await loadView(db, orgId, target.id),
    });
  }
}

/** Owners and L&D admins change a member's role, supervisor, team or department. An organisation always keeps one owner. */
export async function updateOrgMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  memberId: string,
  input: z.infer<typeof updateMemberBody>,
): Promise<MemberView> {
  const updated = await inTransaction(ctx, async (inTx) => {
    const tx = inTx.db;
    const resource = { org: orgId, member: memberId };
    let target: MembershipRow | undefined;
    if (input.role !== undefined) ({ target } = await requireAccess(inTx, actor, 'member:set-role', resource));
    if (input.supervisorId !== undefined || input.team !== undefined || input.department !== undefined)
      ({ target } = await requireAccess(inTx, actor, 'member:set-supervisor', resource));
    if (!target) throw notFound('Member');
    await expectVersion(tx, orgId, target, input.version);

    const changes: Parameters<typeof updateMembership>[3] = {};
    if (input.role !== undefined && input.role !== target.role) {
      if (input.role === 'owner') await requireAccess(inTx, actor, 'member:make-owner', { org: orgId });
      if (target.role === 'owner' && (await countOwners(tx, orgId)) === 1) {
        throw conflict('An organisation needs at least one owner. Make someone else an owner first.', {
          role: 'This is the only owner.',
        });
      }
      changes.role = input.role;
    }
    if (input.supervisorId !== undefined) {
      if (input.supervisorId === target.id) throw validationError({ supervisorId: 'Nobody supervises themselves.' });
      if (input.supervisorId !== null) {
        const supervisor = await getMember(tx, orgId, input.supervisorId);
        if (!supervisor) throw validationError({ supervisorId: 'Choose a member of this organisation.' });
        if (await supervisesTransitively(tx, target.id, input.supervisorId)) {
          throw validationError({ supervisorId: `${supervisor.name} reports to this member already.` });
        }
      }
      changes.supervisorId = input.supervisorId;
    }
    if (input.team !== undefined) changes.team = input.team;
    if (input.department !== undefined) changes.department = input.department;
    if (Object.keys(changes).length > 0) {
      await saveOrConflict(tx, orgId, target, changes);
      await recordAudit(tx, auditActorOf(actor), await auditOfChanges(tx, orgId, target, changes));
    }
    // The member's role shows in their list of organisations (and decides what they may do).
    if (changes.role) await ctx.changes.announce({ kind: 'memberships', userId: target.userId });
    // Their insight facts carry where they sit, so filters count them in their new place at once.
    if (input.team !== undefined || input.department !== undefined) await moveLearnerFacts(tx, target.id);
    return loadView(tx, orgId, target.id);
  });
  return updated;
}

/** The audit log's record of a change to someone's role or supervisor (team and department are not audited). */
async function auditOfChanges(
  db: Database,
  orgId: string,
  target: MembershipRow,
  changes: Parameters<typeof updateMembership>[3],
): Promise<AuditEntry[]> {
  const person = { kind: 'person', id: target.userId, name: (await getMember(db, orgId, target.id))?.name ?? null };
  const entries: AuditEntry[] = [];
  if (changes.role) {
    entries.push({
      orgId,
      action: 'member.role_changed',
      target: person,
      details: { from: target.role, to: changes.role },
    });
  }
  if (changes.supervisorId !== undefined && changes.supervisorId !== target.supervisorId) {
    const nameOf = async (id: string | null) => (id ? ((await getMember(db, orgId, id))?.name ?? null) : null);
    entries.push({
      orgId,
      action: 'member.supervisor_changed',
      target: person,
      details: { from: await nameOf(target.supervisorId), to: await nameOf(changes.supervisorId ?? null) },
    });
  }
  return entries;
}

/** A member describes themself: job title, what they offer to mentor, and whether they may be suggested as a peer. */
export async function updateOwnProfile(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  memberId: string,
  input: z.infer<typeof updateProfileBody>,
): Promise<MemberView> {
  return inTransaction(ctx, async (inTx) => {
    const tx = inTx.db;
    const { target } = await requireAccess(inTx, actor, 'member:update-profile', {
      org: orgId,
      member: memberId,
    });
    await expectVersion(tx, orgId, target, input.version);
    const topics = input.mentoringTopics && [
      ...new Map(input.mentoringTopics.map((t) => [t.toLowerCase(), t])).values(),
    ];
    await saveOrConflict(tx, orgId, target, {
      ...(input.title !== undefined && { title: input.title || null }),
      ...(input.offersMentoring !== undefined && { offersMentoring: input.offersMentoring }),
      ...(topics !== undefined && { mentoringTopics: topics }),
      ...(input.mentoringCapacity !== undefined && { mentoringCapacity: input.mentoringCapacity }),
      ...(input.mentoringAbout !== undefined && { mentoringAbout: input.mentoringAbout }),
      ...(input.peerMatching !== undefined && { peerMatching: input.peerMatching }),
    });
    return loadView(tx, orgId, target.id);
  });
}

/**
 * Removes someone from the organisation (admins), or lets a member leave. The last owner cannot go. Their
 * plans, log, evidence and posts are the learner's: kept for them to download (archives) for the
 * organisation's period, and they are told by e-mail. Nothing of theirs stays in the organisation.
 */
export async function removeOrgMember(ctx: AppContext, actor: Actor, orgId: string, memberId: string): Promise<void> {
  const mail = await inTransaction(ctx, async (inTx) => {
    const { me, user, target } = await requireAccess(inTx, actor, 'member:remove', {
      org: orgId,
      member: memberId,
    });
    const removedBy = target.id === me.id ? null : user.name;
    return removeMembership(inTx, actor, target, removedBy);
  });
  await sendRemovalMail(ctx, mail);
}

/**
 * The organisation's directory (SCIM DELETE) removes someone, in the directory's transaction `inTx`: as an
 * admin's removal (their data archived for them, the audit log, every instance told), by "the organisation's
 * directory". Answers the e-mail to send them once the transaction has committed (`sendRemovalMail`).
 */
export async function removeMemberByDirectory(inTx: AppContext, actor: Actor, orgId: string, memberId: string) {
  await requireAccess(inTx, actor, 'scim:provision', { org: orgId });
  const target = await findMemberRow(inTx.db, orgId, memberId);
  if (!target) return undefined;
  return removeMembership(inTx, actor, target, "the organisation's directory");
}

async function removeMembership(inTx: AppContext, actor: Actor, target: MembershipRow, removedBy: string | null) {
  const tx = inTx.db;
  if (target.role === 'owner' && (await countOwners(tx, target.organizationId)) === 1) {
    throw conflict('An organisation needs at least one owner. Make someone else an owner first.');
  }
  const person = await getMember(tx, target.organizationId, target.id);
  if (!person) throw notFound('Member');
  const message = await archiveMember(inTx, tx, target, person, removedBy);
  await recordAudit(tx, auditActorOf(actor), {
    orgId: target.organizationId,
    action: removedBy === null ? 'member.left' : 'member.removed',
    target: { kind: 'person', id: target.userId, name: person.name },
    details: { role: target.role },
  });
  await deleteMembership(tx, target.id);
  await inTx.changes.announce({ kind: 'memberships', userId: target.userId });
  return message;
}

/** After the commit: the removal stands even if the mail server is away; the archive shows in the app anyway. */
export async function sendRemovalMail(ctx: AppContext, mail: Awaited<ReturnType<typeof removeMembership>> | undefined) {
  if (!mail) return;
  try {
    await ctx.mailer.send(mail);
  } catch (err) {
    ctx.log.error({ err }, 'the e-mail telling a removed member where their data is could not be sent');
  }
}
