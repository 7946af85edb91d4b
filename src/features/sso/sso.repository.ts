import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  membership,
  organization,
  ssoConnection,
  ssoDomain,
  ssoSamlAssertion,
  ssoSession,
  ssoSignInAttempt,
} from '../../db/schema/index.js';

export type ConnectionRow = typeof ssoConnection.$inferSelect;
export type DomainRow = typeof ssoDomain.$inferSelect;
export type AttemptRow = typeof ssoSignInAttempt.$inferSelect;

export type Protocol = 'oidc' | 'saml';

export async function findConnection(db: Database, orgId: string, protocol: Protocol = 'oidc') {
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

/** The organisation's connections (one at most: OIDC or SAML). */
export async function listConnections(db: Database, orgId: string) {
  return db.select().from(ssoConnection).where(eq(ssoConnection.organizationId, orgId));
}

/**
 * The organisation that verified an address's domain, with its connection (OIDC or SAML) if it has one: who
 * signs in people of that domain, and whether it requires them to.
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
    .leftJoin(ssoConnection, eq(ssoConnection.organizationId, ssoDomain.organizationId))
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

/** The SAML sign-in attempt whose AuthnRequest (kept in `state`) a response answers. */
export async function findAttemptByRequest(db: Database, connectionId: string, requestId: string) {
  const [row] = await db
    .select()
    .from(ssoSignInAttempt)
    .where(and(eq(ssoSignInAttempt.connectionId, connectionId), eq(ssoSignInAttempt.state, requestId)));
  return row;
}

/** Claims the attempt for the provider's answer; false if an answer came already (one response per request). */
export async function claimAttemptAnswer(db: Database, id: string) {
  const rows = await db
    .update(ssoSignInAttempt)
    .set({ answeredAt: new Date() })
    .where(and(eq(ssoSignInAttempt.id, id), isNull(ssoSignInAttempt.answeredAt), isNull(ssoSignInAttempt.usedAt)))
    .returning({ id: ssoSignInAttempt.id });
  return rows.length > 0;
}

/** Keeps the checked identity with the attempt, for the browser that started it to collect. */
export async function storeAttemptAnswer(db: Database, id: string, answer: NonNullable<AttemptRow['answer']>) {
  await db.update(ssoSignInAttempt).set({ answer }).where(eq(ssoSignInAttempt.id, id));
}

/**
 * Remembers a SAML assertion until it expires; false if it was seen before (a replay). Expired ones are swept
 * on the way.
 */
export async function rememberAssertion(
  db: Database,
  row: { connectionId: string; assertionId: string; expiresAt: Date },
) {
  await db.delete(ssoSamlAssertion).where(lt(ssoSamlAssertion.expiresAt, sql`now()`));
  const rows = await db
    .insert(ssoSamlAssertion)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: ssoSamlAssertion.assertionId });
  return rows.length > 0;
}

export async function insertSsoSession(db: Database, row: typeof ssoSession.$inferInsert) {
  await db.insert(ssoSession).values(row).onConflictDoNothing();
}

/** The OIDC sign-in a Waymark session began with, and its connection. */
export async function findSsoSession(db: Database, sessionId: string) {
  const [row] = await db
    .select({ idTokenSealed: ssoSession.idTokenSealed, connection: ssoConnection })
    .from(ssoSession)
    .innerJoin(ssoConnection, eq(ssoConnection.id, ssoSession.connectionId))
    .where(eq(ssoSession.sessionId, sessionId));
  return row;
}
