import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, organization } from '../../db/schema/index.js';

export async function insertOrganization(db: Database, org: { id: string; name: string }) {
  const [row] = await db.insert(organization).values(org).returning();
  return row as typeof organization.$inferSelect;
}

export async function findOrganization(db: Database, orgId: string) {
  const [row] = await db.select().from(organization).where(eq(organization.id, orgId)).limit(1);
  return row;
}

export async function countMembers(db: Database, orgId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(membership).where(eq(membership.organizationId, orgId));
  return row?.n ?? 0;
}

export async function updateOrganizationRow(
  db: Database,
  orgId: string,
  values: { name?: string; removedDataDays?: number },
) {
  const [row] = await db
    .update(organization)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organization.id, orgId))
    .returning();
  return row as typeof organization.$inferSelect;
}
