import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { apiToken, user } from '../../db/schema/index.js';

export type TokenRow = typeof apiToken.$inferSelect;

export async function insertToken(db: Database, row: typeof apiToken.$inferInsert): Promise<TokenRow> {
  const [saved] = await db.insert(apiToken).values(row).returning();
  return saved as TokenRow;
}

/** A person's personal tokens, newest first (revoked ones too: they say when they stopped). */
export async function personalTokensOf(db: Database, userId: string) {
  return db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.organizationId)))
    .orderBy(desc(apiToken.createdAt));
}

/** An organisation's tokens with their makers' names, newest first. */
export async function organisationTokensOf(db: Database, orgId: string) {
  return db
    .select({ token: apiToken, makerName: user.name })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .where(eq(apiToken.organizationId, orgId))
    .orderBy(desc(apiToken.createdAt));
}

export async function findToken(db: Database, id: string): Promise<TokenRow | undefined> {
  const [row] = await db.select().from(apiToken).where(eq(apiToken.id, id));
  return row;
}

/** Revokes a token once; answers whether this call did it. */
export async function revokeToken(db: Database, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiToken)
    .set({ revokedAt: at })
    .where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return rows.length > 0;
}

/** The live token with this hash (not revoked, not expired) and the person it acts as. */
export async function findLiveToken(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiToken, name: user.name, email: user.email })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now)));
  return row;
}

/** Records a use, at most once a minute per token: a busy integration does not write on every request. */
export async function touchToken(db: Database, id: string, now: Date, address: string) {
  await db
    .update(apiToken)
    .set({ lastUsedAt: now, lastUsedAddress: address })
    .where(
      and(
        eq(apiToken.id, id),
        or(
          isNull(apiToken.lastUsedAt),
          lt(apiToken.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
        ),
      ),
    );
}
