import { and, asc, count, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { membership, user } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import type { MemberView } from './members.schema.js';

const supervisor = alias(membership, 'supervisor');
const supervisorUser = alias(user, 'supervisor_user');

const memberColumns = {
  id: membership.id,
  userId: membership.userId,
  name: user.name,
  email: user.email,
  role: membership.role,
  title: membership.title,
  team: membership.team,
  department: membership.department,
  supervisorId: supervisor.id,
  supervisorName: supervisorUser.name,
  offersMentoring: membership.offersMentoring,
  mentoringTopics: membership.mentoringTopics,
  mentoringCapacity: membership.mentoringCapacity,
  mentoringAbout: membership.mentoringAbout,
  peerMatching: membership.peerMatching,
  joinedAt: membership.joinedAt,
  suspendedAt: membership.suspendedAt,
  suspendedBy: membership.suspendedBy,
  version: membership.version,
};

type MemberRow = { [K in keyof typeof memberColumns]: (typeof memberColumns)[K]['_']['data'] | null };

function toView(r: MemberRow): MemberView {
  return {
    id: r.id as string,
    userId: r.userId as string,
    name: r.name as string,
    email: r.email as string,
    role: r.role as MemberView['role'],
    title: r.title,
    team: r.team,
    department: r.department,
    supervisor: r.supervisorId ? { id: r.supervisorId, name: r.supervisorName ?? '' } : null,
    offersMentoring: r.offersMentoring as boolean,
    mentoringTopics: r.mentoringTopics ?? [],
    mentoringCapacity: r.mentoringCapacity ?? 0,
    mentoringAbout: r.mentoringAbout ?? '',
    peerMatching: r.peerMatching === true,
    joinedAt: (r.joinedAt as Date).toISOString(),
    suspended: r.suspendedAt ? { at: r.suspendedAt.toISOString(), by: r.suspendedBy ?? '' } : null,
    version: r.version as number,
  };
}

function baseQuery(db: Database) {
  return db
    .select(memberColumns)
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(supervisor, eq(supervisor.id, membership.supervisorId))
    .leftJoin(supervisorUser, eq(supervisorUser.id, supervisor.userId));
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listMembers(
  db: Database,
  orgId: string,
  filter: { q?: string; role?: MemberView['role']; limit: number; offset: number; withSuspended: boolean },
) {
  const conditions: SQL[] = [eq(membership.organizationId, orgId)];
  if (!filter.withSuspended) conditions.push(isNull(membership.suspendedAt));
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    conditions.push(or(ilike(user.name, pattern), ilike(user.email, pattern), ilike(membership.title, pattern)) as SQL);
  }
  if (filter.role) conditions.push(eq(membership.role, filter.role));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(asc(sql`lower(${user.name})`), asc(membership.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(membership).innerJoin(user, eq(user.id, membership.userId)).where(where),
  ]);
  return { members: rows.map(toView), total: total?.n ?? 0 };
}

export async function getMember(db: Database, orgId: string, memberId: string): Promise<MemberView | undefined> {
  const [row] = await baseQuery(db)
    .where(and(eq(membership.organizationId, orgId), eq(membership.id, memberId)))
    .limit(1);
  return row ? toView(row) : undefined;
}

export async function countOwners(db: Database, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.role, 'owner')));
  return row?.n ?? 0;
}

/** Applies a change and bumps the version; returns false when the row was changed by someone else meanwhile. */
export async function updateMembership(
  db: Database,
  memberId: string,
  expectedVersion: number,
  changes: Partial<
    Pick<
      typeof membership.$inferInsert,
      | 'role'
      | 'supervisorId'
      | 'team'
      | 'department'
      | 'title'
      | 'offersMentoring'
      | 'mentoringTopics'
      | 'mentoringCapacity'
      | 'mentoringAbout'
      | 'peerMatching'
    >
  >,
): Promise<boolean> {
  const rows = await db
    .update(membership)
    .set({ ...changes, version: sql`${membership.version} + 1`, updatedAt: new Date() })
    .where(and(eq(membership.id, memberId), eq(membership.version, expectedVersion)))
    .returning({ id: membership.id });
  return rows.length === 1;
}

export async function deleteMembership(db: Database, memberId: string): Promise<void> {
  await db.delete(membership).where(eq(membership.id, memberId));
}

/** Members whose supervisor chain passes through `memberId`: making one of them its supervisor would form a loop. */
export async function supervisesTransitively(db: Database, memberId: string, candidateId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive chain(id) as (
      select ${candidateId}::text
      union
      select m.supervisor_id from membership m join chain c on m.id = c.id where m.supervisor_id is not null
    )
    select exists(select 1 from chain where id = ${memberId}) as found`);
  const rows = rowsOf<{ found: boolean }>(result);
  return rows[0]?.found === true;
}

export async function hasMemberWithEmail(db: Database, orgId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: membership.id })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.organizationId, orgId), eq(user.email, email)))
    .limit(1);
  return rows.length > 0;
}

/** The membership row itself (suspended or not), for a removal. */
export async function findMemberRow(db: Database, orgId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.id, memberId)))
    .limit(1);
  return row;
}
