import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  membership,
  organization,
  scimGroup,
  scimGroupMember,
  scimToken,
  scimUser,
  user,
} from '../../db/schema/index.js';

/* What SCIM keeps: the organisation's tokens, its directory's users and groups, and their links to memberships. */

export type ScimTokenRow = typeof scimToken.$inferSelect;
export type ScimUserRow = typeof scimUser.$inferSelect;
export type ScimGroupRow = typeof scimGroup.$inferSelect;

export async function insertScimToken(db: Database, row: typeof scimToken.$inferInsert) {
  const [saved] = await db.insert(scimToken).values(row).returning();
  return saved as ScimTokenRow;
}

export async function scimTokensOf(db: Database, orgId: string) {
  return db
    .select({ token: scimToken, makerName: user.name })
    .from(scimToken)
    .leftJoin(user, eq(user.id, scimToken.madeBy))
    .where(eq(scimToken.organizationId, orgId))
    .orderBy(desc(scimToken.createdAt));
}

/** Revokes one of the organisation's tokens once; answers the token when this call did it. */
export async function revokeScimToken(db: Database, orgId: string, id: string, at: Date) {
  const [row] = await db
    .update(scimToken)
    .set({ revokedAt: at })
    .where(and(eq(scimToken.id, id), eq(scimToken.organizationId, orgId), isNull(scimToken.revokedAt)))
    .returning();
  return row;
}

export async function findScimTokenOfOrg(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(scimToken)
    .where(and(eq(scimToken.id, id), eq(scimToken.organizationId, orgId)));
  return row;
}

export async function findLiveScimToken(db: Database, tokenHash: string) {
  const [row] = await db
    .select()
    .from(scimToken)
    .where(and(eq(scimToken.tokenHash, tokenHash), isNull(scimToken.revokedAt)));
  return row;
}

/** Records a use, at most once a minute per token: a directory's sync does not write on every request. */
export async function touchScimToken(db: Database, id: string, now: Date, address: string) {
  await db
    .update(scimToken)
    .set({ lastUsedAt: now, lastUsedAddress: address })
    .where(
      and(
        eq(scimToken.id, id),
        or(
          isNull(scimToken.lastUsedAt),
          lt(scimToken.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
        ),
      ),
    );
}

export async function groupMappingOf(db: Database, orgId: string) {
  const [row] = await db
    .select({ mapping: organization.scimGroupMapping, adminGroup: organization.scimAdminGroup })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row;
}

export async function setGroupMapping(
  db: Database,
  orgId: string,
  mapping: (typeof organization.$inferSelect)['scimGroupMapping'],
  adminGroup: string | null,
) {
  await db
    .update(organization)
    .set({ scimGroupMapping: mapping, scimAdminGroup: adminGroup })
    .where(eq(organization.id, orgId));
}

/* Users */

export async function insertScimUser(db: Database, row: typeof scimUser.$inferInsert) {
  const [saved] = await db.insert(scimUser).values(row).returning();
  return saved as ScimUserRow;
}

export async function findScimUser(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(scimUser)
    .where(and(eq(scimUser.organizationId, orgId), eq(scimUser.id, id)));
  return row;
}

/** The user holding this userName in the organisation (without case), other than `except`. */
export async function findScimUserByName(db: Database, orgId: string, userName: string, except?: string) {
  const [row] = await db
    .select({ id: scimUser.id })
    .from(scimUser)
    .where(
      and(
        eq(scimUser.organizationId, orgId),
        eq(sql`lower(${scimUser.userName})`, userName.toLowerCase()),
        except ? sql`${scimUser.id} <> ${except}` : undefined,
      ),
    );
  return row;
}

/** Saves a user if it is still at `version`; answers the saved row, or nothing when someone changed it meanwhile. */
export async function updateScimUser(
  db: Database,
  id: string,
  version: number,
  changes: Pick<ScimUserRow, 'userName' | 'externalId' | 'active' | 'data'> & { membershipId?: string | null },
) {
  const [row] = await db
    .update(scimUser)
    .set({ ...changes, version: sql`${scimUser.version} + 1`, updatedAt: new Date() })
    .where(and(eq(scimUser.id, id), eq(scimUser.version, version)))
    .returning();
  return row;
}

export async function deleteScimUser(db: Database, id: string) {
  await db.delete(scimUser).where(eq(scimUser.id, id));
}

/**
 * The organisation's users for a list: narrowed in SQL by what the filter pins down (a userName or externalId
 * it requires), oldest first. Without a narrowing, a page in SQL.
 */
export async function listScimUsers(
  db: Database,
  orgId: string,
  narrow: { userName?: string; externalId?: string; id?: string },
  page?: { offset: number; limit: number },
) {
  const where = and(
    eq(scimUser.organizationId, orgId),
    narrow.userName !== undefined ? eq(sql`lower(${scimUser.userName})`, narrow.userName.toLowerCase()) : undefined,
    narrow.externalId !== undefined ? eq(scimUser.externalId, narrow.externalId) : undefined,
    narrow.id !== undefined ? eq(scimUser.id, narrow.id) : undefined,
  );
  const query = db.select().from(scimUser).where(where).orderBy(asc(scimUser.createdAt), asc(scimUser.id));
  return page ? query.offset(page.offset).limit(page.limit) : query;
}

export async function countScimUsers(db: Database, orgId: string) {
  const [row] = await db.select({ n: count() }).from(scimUser).where(eq(scimUser.organizationId, orgId));
  return row?.n ?? 0;
}

/** The groups each user is in, for their `groups` attribute. */
export async function groupsOfUsers(db: Database, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: scimGroupMember.scimUserId, id: scimGroup.id, displayName: scimGroup.displayName })
    .from(scimGroupMember)
    .innerJoin(scimGroup, eq(scimGroup.id, scimGroupMember.groupId))
    .where(inArray(scimGroupMember.scimUserId, userIds))
    .orderBy(asc(scimGroup.displayName));
}

/* Groups */

export async function insertScimGroup(db: Database, row: typeof scimGroup.$inferInsert) {
  const [saved] = await db.insert(scimGroup).values(row).returning();
  return saved as ScimGroupRow;
}

export async function findScimGroup(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(scimGroup)
    .where(and(eq(scimGroup.organizationId, orgId), eq(scimGroup.id, id)));
  return row;
}

export async function updateScimGroup(
  db: Database,
  id: string,
  version: number,
  changes: Pick<ScimGroupRow, 'displayName' | 'externalId'>,
) {
  const [row] = await db
    .update(scimGroup)
    .set({ ...changes, version: sql`${scimGroup.version} + 1`, updatedAt: new Date() })
    .where(and(eq(scimGroup.id, id), eq(scimGroup.version, version)))
    .returning();
  return row;
}

export async function deleteScimGroup(db: Database, id: string) {
  await db.delete(scimGroup).where(eq(scimGroup.id, id));
}

export async function listScimGroups(
  db: Database,
  orgId: string,
  narrow: { displayName?: string; externalId?: string; id?: string },
  page?: { offset: number; limit: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(scimGroup.organizationId, orgId),
    narrow.displayName !== undefined
      ? eq(sql`lower(${scimGroup.displayName})`, narrow.displayName.toLowerCase())
      : undefined,
    narrow.externalId !== undefined ? eq(scimGroup.externalId, narrow.externalId) : undefined,
    narrow.id !== undefined ? eq(scimGroup.id, narrow.id) : undefined,
  ];
  const query = db
    .select()
    .from(scimGroup)
    .where(and(...conditions))
    .orderBy(asc(scimGroup.createdAt), asc(scimGroup.id));
  return page ? query.offset(page.offset).limit(page.limit) : query;
}

export async function countScimGroups(db: Database, orgId: string) {
  const [row] = await db.select({ n: count() }).from(scimGroup).where(eq(scimGroup.organizationId, orgId));
  return row?.n ?? 0;
}

export async function membersOfGroups(db: Database, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ groupId: scimGroupMember.groupId, value: scimGroupMember.scimUserId, display: scimGroupMember.display })
    .from(scimGroupMember)
    .where(inArray(scimGroupMember.groupId, groupIds))
    .orderBy(asc(scimGroupMember.scimUserId));
}

/** Which of these ids are users of the organisation: a member that is not one is not kept. */
export async function usersAmong(db: Database, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: scimUser.id })
    .from(scimUser)
    .where(and(eq(scimUser.organizationId, orgId), inArray(scimUser.id, ids)));
  return rows.map((r) => r.id);
}

export async function replaceGroupMembers(
  db: Database,
  groupId: string,
  members: { value: string; display: string | null }[],
) {
  await db.delete(scimGroupMember).where(eq(scimGroupMember.groupId, groupId));
  if (members.length === 0) return;
  await db
    .insert(scimGroupMember)
    .values(members.map((m) => ({ groupId, scimUserId: m.value, display: m.display })))
    .onConflictDoNothing();
}

/* Waymark's side: the person and membership a SCIM user stands for */

export async function orgNameOf(db: Database, orgId: string): Promise<string> {
  const [row] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, orgId));
  return row?.name ?? '';
}

export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row;
}

export async function insertUser(db: Database, row: { id: string; name: string; email: string }) {
  await db.insert(user).values({ ...row, email: row.email.toLowerCase(), emailVerified: false });
}

export async function membershipOfUser(db: Database, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.userId, userId)));
  return row;
}

/** Ids of the organisation's SCIM users that stand for a membership, a page at a time (after `afterId`). */
export async function linkedScimUserIds(db: Database, orgId: string, afterId: string, limit: number) {
  const rows = await db
    .select({ id: scimUser.id })
    .from(scimUser)
    .where(and(eq(scimUser.organizationId, orgId), isNotNull(scimUser.membershipId), gt(scimUser.id, afterId)))
    .orderBy(asc(scimUser.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function membershipsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(membership).where(inArray(membership.id, ids));
}

export async function membershipById(db: Database, id: string) {
  const [row] = await db.select().from(membership).where(eq(membership.id, id));
  return row;
}

export async function isLinked(db: Database, membershipId: string) {
  const [row] = await db.select({ id: scimUser.id }).from(scimUser).where(eq(scimUser.membershipId, membershipId));
  return row !== undefined;
}

export async function insertMembership(db: Database, row: typeof membership.$inferInsert) {
  await db.insert(membership).values(row);
}

export async function setMembershipFields(
  db: Database,
  id: string,
  changes: Partial<
    Pick<typeof membership.$inferSelect, 'title' | 'department' | 'team' | 'role' | 'suspendedAt' | 'suspendedBy'>
  >,
) {
  await db
    .update(membership)
    .set({ ...changes, version: sql`${membership.version} + 1`, updatedAt: new Date() })
    .where(eq(membership.id, id));
}

/** The SCIM users linked to memberships, with the groups each is in (for the mapping to apply). */
export async function linkedUsersWithGroups(db: Database, scimUserIds: string[]) {
  if (scimUserIds.length === 0) return [];
  return db
    .select({
      scimUserId: scimUser.id,
      membershipId: scimUser.membershipId,
      data: scimUser.data,
      // Spelled out: Drizzle leaves columns of a one-table select unqualified, which a subquery would misread.
      groups: sql<string[]>`coalesce((select array_agg(g.display_name order by lower(g.display_name))
        from scim_group_member gm join scim_group g on g.id = gm.group_id
        where gm.scim_user_id = "scim_user"."id"), '{}')`,
    })
    .from(scimUser)
    .where(inArray(scimUser.id, scimUserIds));
}
