import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { community, communityMember, membership, post, user } from '../../db/schema/index.js';

/** Communities of an organisation (or one), with their counts and whether `memberId` belongs. */
export async function listCommunities(db: Database, orgId: string, memberId: string, communityId?: string) {
  return db
    .select({
      community,
      memberCount: sql<number>`(select count(*)::int from ${communityMember} cm where cm.community_id = ${community.id})`,
      postCount: sql<number>`(select count(*)::int from ${post} p where p.community_id = ${community.id})`,
      joined: sql<boolean>`exists (select 1 from ${communityMember} cm where cm.community_id = ${community.id} and cm.member_id = ${memberId})`,
    })
    .from(community)
    .where(and(eq(community.organizationId, orgId), communityId ? eq(community.id, communityId) : undefined))
    .orderBy(sql`${community.featured} desc`, asc(sql`lower(${community.name})`));
}

export async function findCommunity(db: Database, communityId: string) {
  const [row] = await db.select().from(community).where(eq(community.id, communityId)).limit(1);
  return row;
}

export async function communityNamed(db: Database, orgId: string, name: string) {
  const [row] = await db
    .select({ id: community.id })
    .from(community)
    .where(and(eq(community.organizationId, orgId), sql`lower(${community.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertCommunity(db: Database, values: typeof community.$inferInsert) {
  await db.insert(community).values(values);
}

export async function setFeatured(db: Database, communityId: string, featured: boolean) {
  await db.update(community).set({ featured, updatedAt: new Date() }).where(eq(community.id, communityId));
}

export async function addCommunityMember(db: Database, communityId: string, memberId: string) {
  await db.insert(communityMember).values({ communityId, memberId }).onConflictDoNothing();
}

export async function removeCommunityMember(db: Database, communityId: string, memberId: string) {
  await db
    .delete(communityMember)
    .where(and(eq(communityMember.communityId, communityId), eq(communityMember.memberId, memberId)));
}

export async function isCommunityMember(db: Database, communityId: string, memberId: string) {
  const [row] = await db
    .select({ memberId: communityMember.memberId })
    .from(communityMember)
    .where(and(eq(communityMember.communityId, communityId), eq(communityMember.memberId, memberId)))
    .limit(1);
  return Boolean(row);
}

export async function listCommunityMembers(db: Database, communityId: string) {
  return db
    .select({ memberId: membership.id, name: user.name, title: membership.title, joinedAt: communityMember.joinedAt })
    .from(communityMember)
    .innerJoin(membership, eq(membership.id, communityMember.memberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(communityMember.communityId, communityId))
    .orderBy(asc(sql`lower(${user.name})`));
}
