import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { type AuditEntry, auditActorOf, recordAudit } from '../audit/index.js';
import { moveLearnerFacts } from '../insights/index.js';
import {
  findUserByEmail,
  groupMappingOf,
  insertMembership,
  insertUser,
  isLinked,
  linkedScimUserIds,
  linkedUsersWithGroups,
  membershipById,
  membershipOfUser,
  membershipsByIds,
  type ScimUserRow,
  setMembershipFields,
} from './scim.repository.js';

type MembershipRow = NonNullable<Awaited<ReturnType<typeof membershipById>>>;

import type { Doc } from './scim-resources.js';
import { ENTERPRISE_SCHEMA } from './scim-schemas.js';

/*
 * What a SCIM user means in Waymark: a person (found by address, or made) with a membership of the organisation,
 * suspended while the directory says `active: false`; and what the directory's groups set on memberships.
 */

export const SUSPENDED_BY = "the organisation's directory";

const looksLikeAddress = (v: unknown): v is string => typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);

/** The address that is the person's Waymark account: the userName if it is one (Entra's UPN, Okta's login), else the primary, work or first e-mail. */
export function accountAddress(doc: Doc): string | undefined {
  if (looksLikeAddress(doc.userName)) return doc.userName.toLowerCase();
  const emails = ((doc.emails as Doc[] | undefined) ?? []).filter((e) => looksLikeAddress(e.value));
  const chosen = emails.find((e) => e.primary === true) ?? emails.find((e) => e.type === 'work') ?? emails[0];
  return (chosen?.value as string | undefined)?.toLowerCase();
}

export function personName(doc: Doc): string {
  const name = (doc.name as Doc | undefined) ?? {};
  const parts = [name.givenName, name.familyName].filter((p): p is string => typeof p === 'string' && p !== '');
  const candidates = [doc.displayName, name.formatted, parts.join(' '), doc.userName];
  return (candidates.find((c) => typeof c === 'string' && c.trim() !== '') as string).trim().slice(0, 200);
}

/**
 * The membership a new SCIM user stands for: the person with its address (made if Waymark does not know them,
 * without a password: they sign in by a reset link or single sign-on) joins as a member; someone already a
 * member is taken over by the directory. Nothing when it has no address, or the membership already stands for
 * another of the directory's users (two directory entries with one address). `joined`: the person was not a
 * member before (they are to be told).
 */
export async function linkMembership(tx: AppContext, orgId: string, doc: Doc) {
  const address = accountAddress(doc);
  if (!address) return undefined;
  let person = await findUserByEmail(tx.db, address);
  if (!person) {
    await insertUser(tx.db, { id: randomUUID(), name: personName(doc), email: address });
    person = await findUserByEmail(tx.db, address);
  }
  if (!person) return undefined;
  const existing = await membershipOfUser(tx.db, orgId, person.id);
  if (existing) return (await isLinked(tx.db, existing.id)) ? undefined : { member: existing, joined: false };
  const id = randomUUID();
  await insertMembership(tx.db, { id, organizationId: orgId, userId: person.id, role: 'member' });
  await tx.changes.announce({ kind: 'memberships', userId: person.id });
  const member = await membershipById(tx.db, id);
  return member && { member, joined: true, person: { email: person.email, name: person.name } };
}

/**
 * Brings a linked membership in line with its SCIM user: suspended or restored as `active` says (told to every
 * instance with the commit, so the gate refuses at once everywhere), and its title.
 */
export async function syncMembership(
  tx: AppContext,
  actor: Actor,
  row: ScimUserRow,
  member: MembershipRow | undefined,
) {
  if (!member) return;
  const title = typeof row.data.title === 'string' ? row.data.title.slice(0, 200) : member.title;
  const suspend = !row.active && member.suspendedAt === null;
  const restore = row.active && member.suspendedAt !== null;
  if (!suspend && !restore && title === member.title) return;
  await setMembershipFields(tx.db, member.id, {
    title,
    ...(suspend && { suspendedAt: new Date(), suspendedBy: SUSPENDED_BY }),
    ...(restore && { suspendedAt: null, suspendedBy: null }),
  });
  if (suspend || restore) {
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId: row.organizationId,
      action: suspend ? 'scim.user_suspended' : 'scim.user_reactivated',
      target: { kind: 'person', id: member.userId, name: row.userName },
    });
    await tx.changes.announce({ kind: 'memberships', userId: member.userId });
  }
}

/** The department the enterprise extension names, if any. */
export function departmentOf(data: Doc): string | null {
  const value = (data[ENTERPRISE_SCHEMA] as Doc | undefined)?.department;
  return typeof value === 'string' ? value.slice(0, 200) : null;
}

/**
 * What the directory's groups set on the memberships of these SCIM users, as the organisation chose: their
 * department, their team, or their role (L&D admin while in the admin group; an owner is never changed). The
 * department also follows the enterprise extension's `department` when groups do not set it.
 */
export async function applyGroupMapping(tx: AppContext, actor: Actor, orgId: string, scimUserIds: string[]) {
  const setting = await groupMappingOf(tx.db, orgId);
  if (!setting) return 0;
  const audit: AuditEntry[] = [];
  const linkedUsers = await linkedUsersWithGroups(tx.db, [...new Set(scimUserIds)]);
  const memberships = await membershipsByIds(
    tx.db,
    linkedUsers.flatMap((l) => (l.membershipId ? [l.membershipId] : [])),
  );
  const byId = new Map(memberships.map((m) => [m.id, m]));
  let changed = 0;
  for (const linked of linkedUsers) {
    const member = linked.membershipId ? byId.get(linked.membershipId) : undefined;
    if (!member) continue;
    const firstGroup = linked.groups[0] ?? null;
    const department = departmentOf(linked.data);
    const next = { department: member.department, team: member.team, role: member.role };
    if (setting.mapping === 'departments') next.department = firstGroup ?? department;
    else next.department = department ?? member.department;
    if (setting.mapping === 'teams') next.team = firstGroup;
    if (setting.mapping === 'roles' && member.role !== 'owner') {
      const admin = setting.adminGroup?.toLowerCase();
      next.role = admin && linked.groups.some((g) => g.toLowerCase() === admin) ? 'admin' : 'member';
    }
    if (next.department === member.department && next.team === member.team && next.role === member.role) continue;
    changed += 1;
    await setMembershipFields(tx.db, member.id, next);
    if (next.department !== member.department || next.team !== member.team) await moveLearnerFacts(tx.db, member.id);
    if (next.role !== member.role) {
      audit.push({
        orgId,
        action: 'member.role_changed',
        target: { kind: 'person', id: member.userId },
        details: { from: member.role, to: next.role, by_directory_group: true },
      });
      await tx.changes.announce({ kind: 'memberships', userId: member.userId });
    }
  }
  if (audit.length > 0) await recordAudit(tx.db, auditActorOf(actor), audit);
  return changed;
}

/**
 * A new group mapping applied to everyone the directory provisioned, at once (not as each next sync happens to
 * send their groups): in pages of 500, in the caller's transaction. Answers how many memberships changed.
 */
export async function reapplyGroupMapping(tx: AppContext, actor: Actor, orgId: string): Promise<number> {
  let changed = 0;
  let after = '';
  for (;;) {
    const ids = await linkedScimUserIds(tx.db, orgId, after, 500);
    if (ids.length === 0) return changed;
    changed += await applyGroupMapping(tx, actor, orgId, ids);
    after = ids[ids.length - 1] as string;
  }
}
