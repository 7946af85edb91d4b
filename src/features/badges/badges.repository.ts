import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  achievement,
  badgeAward,
  badgeIssuer,
  badgeIssuerKey,
  membership,
  organization,
  user,
} from '../../db/schema/index.js';
import { insertRowsAsJson, rowsOf, textArray } from '../../db/sql-helpers.js';

export type AchievementRow = typeof achievement.$inferSelect;
export type AwardRow = typeof badgeAward.$inferSelect;
export type IssuerRow = typeof badgeIssuer.$inferSelect;
export type IssuerKeyRow = typeof badgeIssuerKey.$inferSelect;

export async function findIssuer(db: Database, orgId: string) {
  const [row] = await db.select().from(badgeIssuer).where(eq(badgeIssuer.organizationId, orgId)).limit(1);
  return row;
}

/** The issuer's profile, made from the organisation's name the first time it is needed. */
export async function issuerOf(db: Database, orgId: string): Promise<IssuerRow> {
  const found = await findIssuer(db, orgId);
  if (found) return found;
  const [org] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, orgId));
  await db
    .insert(badgeIssuer)
    .values({ organizationId: orgId, name: org?.name ?? 'Organisation' })
    .onConflictDoNothing();
  return (await findIssuer(db, orgId)) as IssuerRow;
}

/** Holds the issuer's row until the transaction ends (made first if missing): writers of its status list queue. */
export async function lockIssuer(db: Database, orgId: string) {
  const lock = () =>
    db
      .select({ id: badgeIssuer.organizationId })
      .from(badgeIssuer)
      .where(eq(badgeIssuer.organizationId, orgId))
      .for('update');
  if ((await lock()).length > 0) return;
  await issuerOf(db, orgId);
  await lock();
}

export async function updateIssuer(db: Database, orgId: string, version: number, values: Partial<IssuerRow>) {
  const rows = await db
    .update(badgeIssuer)
    .set({ ...values, version: sql`${badgeIssuer.version} + 1`, updatedAt: new Date() })
    .where(and(eq(badgeIssuer.organizationId, orgId), eq(badgeIssuer.version, version)))
    .returning();
  return rows[0];
}

export async function issuerKeys(db: Database, orgId: string) {
  return db
    .select()
    .from(badgeIssuerKey)
    .where(eq(badgeIssuerKey.organizationId, orgId))
    .orderBy(asc(badgeIssuerKey.createdAt), asc(badgeIssuerKey.fragment));
}

export async function activeKey(db: Database, orgId: string) {
  const [row] = await db
    .select()
    .from(badgeIssuerKey)
    .where(and(eq(badgeIssuerKey.organizationId, orgId), eq(badgeIssuerKey.active, true)))
    .limit(1);
  return row;
}

export async function insertKey(db: Database, values: typeof badgeIssuerKey.$inferInsert) {
  await db.insert(badgeIssuerKey).values(values);
}

export async function retireKey(db: Database, keyId: string) {
  await db.update(badgeIssuerKey).set({ active: false, retiredAt: new Date() }).where(eq(badgeIssuerKey.id, keyId));
}

export async function listAchievements(db: Database, orgId: string) {
  return db
    .select({
      achievement,
      awarded: sql<number>`(select count(*)::int from ${badgeAward} a where a.achievement_id = ${achievement}.id)`,
    })
    .from(achievement)
    .where(eq(achievement.organizationId, orgId))
    .orderBy(asc(sql`lower(${achievement.name})`));
}

export async function findAchievement(db: Database, id: string) {
  const [row] = await db.select().from(achievement).where(eq(achievement.id, id)).limit(1);
  return row;
}

export async function achievementNamed(db: Database, orgId: string, name: string, except?: string) {
  const [row] = await db
    .select({ id: achievement.id })
    .from(achievement)
    .where(
      and(
        eq(achievement.organizationId, orgId),
        sql`lower(${achievement.name}) = lower(${name})`,
        except ? sql`${achievement.id} <> ${except}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function insertAchievement(db: Database, values: typeof achievement.$inferInsert) {
  await db.insert(achievement).values(values);
}

export async function updateAchievement(db: Database, id: string, version: number, values: Partial<AchievementRow>) {
  const rows = await db
    .update(achievement)
    .set({ ...values, version: sql`${achievement.version} + 1`, updatedAt: new Date() })
    .where(and(eq(achievement.id, id), eq(achievement.version, version)))
    .returning();
  return rows[0];
}

/** Members of the organisation among `memberIds`, with their names (those not in it are left out). */
export async function membersNamed(db: Database, orgId: string, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return db
    .select({ id: membership.id, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.organizationId, orgId), eq(membership.id, sql`any(${textArray(memberIds)})`)));
}

/** Status indexes already taken in the organisation's list. */
export async function takenStatusIndexes(db: Database, orgId: string): Promise<Set<number>> {
  const rows = await db
    .select({ i: badgeAward.statusIndex })
    .from(badgeAward)
    .where(eq(badgeAward.organizationId, orgId));
  return new Set(rows.map((r) => r.i));
}

export async function insertAwards(db: Database, rows: (typeof badgeAward.$inferInsert)[]) {
  await insertRowsAsJson(db, badgeAward, rows);
}

const awardColumns = {
  award: badgeAward,
  achievementName: achievement.name,
  achievementImage: achievement.image,
  recipientName: user.name,
};

function awardsQuery(db: Database) {
  return db
    .select(awardColumns)
    .from(badgeAward)
    .innerJoin(achievement, eq(achievement.id, badgeAward.achievementId))
    .innerJoin(membership, eq(membership.id, badgeAward.recipientMemberId))
    .innerJoin(user, eq(user.id, membership.userId));
}

export type AwardListed = Awaited<ReturnType<typeof awardsQuery>>[number];

export async function findAward(db: Database, awardId: string): Promise<AwardListed | undefined> {
  const [row] = await awardsQuery(db).where(eq(badgeAward.id, awardId)).limit(1);
  return row;
}

export async function awardsOfMember(db: Database, memberId: string) {
  return awardsQuery(db).where(eq(badgeAward.recipientMemberId, memberId)).orderBy(desc(badgeAward.issuedAt));
}

/** Members who hold the achievement now (awarded, not revoked). */
export async function holdersOf(db: Database, achievementId: string): Promise<Set<string>> {
  const rows = await db
    .select({ memberId: badgeAward.recipientMemberId })
    .from(badgeAward)
    .where(and(eq(badgeAward.achievementId, achievementId), isNull(badgeAward.revokedAt)));
  return new Set(rows.map((r) => r.memberId));
}

/**
 * In one statement, what stands in the way of storing these awards: which of the members hold the achievement
 * now (awarded, not revoked), and which of the positions of the organisation's status list are taken.
 */
export async function awardClashes(
  db: Database,
  wanted: { orgId: string; achievementId: string; memberIds: string[]; statusIndexes: number[] },
): Promise<{ holding: Set<string>; taken: Set<number> }> {
  const rows = rowsOf<{ member: string | null; position: number | null }>(
    await db.execute(sql`
      select ${badgeAward.recipientMemberId} as member, null::int as position from ${badgeAward}
      where ${badgeAward.achievementId} = ${wanted.achievementId} and ${badgeAward.revokedAt} is null
        and ${badgeAward.recipientMemberId} = any(${textArray(wanted.memberIds)})
      union all
      select null, ${badgeAward.statusIndex} from ${badgeAward}
      where ${badgeAward.organizationId} = ${wanted.orgId}
        and ${badgeAward.statusIndex} = any(${textArray(wanted.statusIndexes.map(String))}::int[])`),
  );
  return {
    holding: new Set(rows.flatMap((r) => (r.member === null ? [] : [r.member]))),
    taken: new Set(rows.flatMap((r) => (r.position === null ? [] : [Number(r.position)]))),
  };
}

export async function awardsOfAchievement(db: Database, achievementId: string) {
  return awardsQuery(db).where(eq(badgeAward.achievementId, achievementId)).orderBy(desc(badgeAward.issuedAt));
}

export async function revokeAward(db: Database, awardId: string, byMemberId: string, reason: string) {
  const rows = await db
    .update(badgeAward)
    .set({ revokedAt: new Date(), revokedReason: reason, revokedByMemberId: byMemberId })
    .where(and(eq(badgeAward.id, awardId), isNull(badgeAward.revokedAt)))
    .returning({ id: badgeAward.id });
  return rows.length > 0;
}

/** The revoked positions of the organisation's status list. */
export async function revokedIndexes(db: Database, orgId: string) {
  const rows = await db
    .select({ i: badgeAward.statusIndex })
    .from(badgeAward)
    .where(and(eq(badgeAward.organizationId, orgId), sql`${badgeAward.revokedAt} is not null`));
  return rows.map((r) => r.i);
}
