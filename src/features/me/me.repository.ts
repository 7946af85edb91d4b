import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, organization, user } from '../../db/schema/index.js';

export async function listMyMemberships(db: Database, userId: string) {
  return db
    .select({
      organizationId: organization.id,
      organizationName: organization.name,
      memberId: membership.id,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(organization.name));
}

export async function renameUser(db: Database, userId: string, name: string) {
  await db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
}
