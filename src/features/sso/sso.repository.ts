import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, organization, ssoConnection, ssoDomain, ssoSignInAttempt } from '../../db/schema/index.js';

export type ConnectionRow = typeof ssoConnection.$inferSelect;
export type DomainRow = typeof ssoDomain.$inferSelect;
export type AttemptRow = typeof ssoSignInAttempt.$inferSelect;

export async function findConnection(db: Database, orgId: string, protocol = 'oidc') {
  const [row] = await db
    .select()
    .from(ssoConnection)
    .where(and(eq(ssoConnection.organizationId, orgId), eq(ssoConnection.protocol, protocol)));
  return row;
}

export async function findConnectionById(db: Database, id: string) {
  const [row] = await db.select().from(ssoConnection).where(eq(ssoConnection.id, id));
  return row;
}

export async function insertConnection(db: Database, row: typeof ssoConnection.$inferInsert) {
  const [created] = await db.insert(ssoConnection).values(row).returning();
  return created as ConnectionRow;
}

export async function updateConnection(
  db: Database,
  id: string,
  values: Partial<Pick<ConnectionRow, 'config' | 'secretSealed' | 'defaultRole' | 'requireSso'>>,
) {
  const [row] = await db
    .update(ssoConnection)
    .set({ ...values, version: sql`${ssoConnection.version} + 1`, updatedAt: new Date() })
    .where(eq(ssoConnection.id, id))
    .returning();
  return row as ConnectionRow;
}

export async function deleteConnection(db: Database, id: string) {
  await db.delete(ssoConnection).where(eq(ssoConnection.id, id));
}

export async function listDomains(db: Database, orgId: string) {
  return db.select().from(ssoDomain).where(eq(ssoDomain.organizationId, orgId)).orderBy(ssoDomain.domain);
}

export async function findDomain(db: Database, orgId: string, domainId: string) {
  const [row] = await db
    .select()
    .from(ssoDomain)
    .where(and(eq(ssoDomain.organizationId, orgId), eq(ssoDomain.id, domainId)));
  return row;
}

export async function insertDomain(db: Database, row: typeof ssoDomain.$inferInsert) {
  const [created] = await db.insert(ssoDomain).values(row).onConflictDoNothing().returning();
  return created;
}

export async function markDomainVerified(db: Database, id: string) {
  const [row] = await db
    .update(ssoDomain)
    .set({ verifiedAt: new Date() })
    .where(and(eq(ssoDomain.id, id), isNull(ssoDomain.verifiedAt)))
    .returning();
  return row;
}

/** Whether another organisation verified the domain first. */
export async function domainVerifiedElsewhere(db: Database, orgId: string, domain: string) {
  const rows = await db
    .select({ id: ssoDomain.id })
    .from(ssoDomain)
    .where(
      and(eq(ssoDomain.domain, domain), isNotNull(ssoDomain.verifiedAt), sql`${ssoDomain.organizationId} <> ${orgId}`),
    );
  return rows.length > 0;
}

export async function deleteDomain(db: Database, id: string) {
  await db.delete(ssoDomain).where(eq(ssoDomain.id, id));
}

/**
 * The organisation that verified an address's domain, with its OIDC connection if it has one: who signs in
 * people of that domain, and whether it requires them to.
 */
export async function findVerifiedDomain(db: Database, domain: string) {
  const [row] = await db
    .select({
      orgId: ssoDomain.organizationId,
      orgName: organization.name,
      connection: ssoConnection,
    })
    .from(ssoDomain)
    .innerJoin(organization, eq(organization.id, ssoDomain.organizationId))
    .leftJoin(
      ssoConnection,
      and(eq(ssoConnection.organizationId, ssoDomain.organizationId), eq(ssoConnection.protocol, 'oidc')),
    )
    .where(and(eq(ssoDomain.domain, domain), isNotNull(ssoDomain.verifiedAt)));
  return row;
}

export async function isVerifiedDomainOf(db: Database, orgId: string, domain: string) {
  const rows = await db
    .select({ id: ssoDomain.id })
    .from(ssoDomain)
    .where(and(eq(ssoDomain.organizationId, orgId), eq(ssoDomain.domain, domain), isNotNull(ssoDomain.verifiedAt)));
  return rows.length > 0;
}

export async function findMember(db: Database, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: membership.id, role: membership.role })
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.userId, userId)));
  return row;
}

/** Adds the person to the organisation, unless they are in it already; answers whether they joined now. */
export async function joinOrganisation(
  db: Database,
  row: { id: string; organizationId: string; userId: string; role: 'member' | 'admin' | 'owner' },
) {
  const joined = await db.insert(membership).values(row).onConflictDoNothing().returning({ id: membership.id });
  return joined.length > 0;
}

/** Starts a sign-in, sweeping attempts that ended long ago on the way (they are worth nothing after expiry). */
export async function insertAttempt(db: Database, row: typeof ssoSignInAttempt.$inferInsert) {
  await db.delete(ssoSignInAttempt).where(lt(ssoSignInAttempt.expiresAt, sql`now() - interval '1 day'`));
  await db.insert(ssoSignInAttempt).values(row);
}

export async function findAttempt(db: Database, id: string) {
  const [row] = await db.select().from(ssoSignInAttempt).where(eq(ssoSignInAttempt.id, id));
  return row;
}

/** Marks the attempt used; answers false if it was used already (two callbacks at once: one wins). */
export async function spendAttempt(db: Database, id: string) {
  const rows = await db
    .update(ssoSignInAttempt)
    .set({ usedAt: new Date() })
    .where(and(eq(ssoSignInAttempt.id, id), isNull(ssoSignInAttempt.usedAt)))
    .returning({ id: ssoSignInAttempt.id });
  return rows.length > 0;
}
