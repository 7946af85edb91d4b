import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, organization, user } from '../../db/schema/index.js';

function prepareListMyMemberships(db: Database) {
  return db
    .select({
      organizationId: organization.id,
      organizationName: organization.name,
      memberId: membership.id,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.userId, sql.placeholder('userId')))
    .orderBy(asc(organization.name))
    .prepare('list_my_memberships');
}

// Prepared once per database (every signed-in page load asks): Drizzle skips building the SQL each time,
// and PostgreSQL skips parsing and planning it on each pooled connection after the first.
const preparedListMyMemberships = new WeakMap<Database, ReturnType<typeof prepareListMyMemberships>>();

export type MyMembership = Awaited<ReturnType<ReturnType<typeof prepareListMyMemberships>['execute']>>[number];

export async function listMyMemberships(db: Database, userId: string): Promise<MyMembership[]> {
  let query = preparedListMyMemberships.get(db);
  if (!query) {
    query = prepareListMyMemberships(db);
    preparedListMyMemberships.set(db, query);
  }
  return query.execute({ userId });
}

export async function renameUser(db: Database, userId: string, name: string) {
  await db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
}
