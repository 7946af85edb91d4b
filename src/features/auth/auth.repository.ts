import { and, eq, like, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { user, verification } from '../../db/schema/index.js';

/** better-auth keeps a reset token as a verification row: identifier `reset-password:<token>`, value = user id. */
const RESET_PREFIX = 'reset-password:';

/** Voids a person's reset tokens, all of them or all but `keepToken` (the one just issued). */
export async function voidResetTokens(db: Database, userId: string, keepToken?: string) {
  await db
    .delete(verification)
    .where(
      and(
        eq(verification.value, userId),
        like(verification.identifier, `${RESET_PREFIX}%`),
        keepToken ? ne(verification.identifier, `${RESET_PREFIX}${keepToken}`) : undefined,
      ),
    );
}

/**
 * Records that the person proved they read mail to `email` (a reset or invitation link sent there).
 * Answers whether an account with that id and address was found.
 */
export async function markEmailVerified(db: Database, userId: string, email: string): Promise<boolean> {
  const rows = await db
    .update(user)
    .set({ emailVerified: true, updatedAt: new Date() })
    .where(and(eq(user.id, userId), eq(user.email, email.toLowerCase())))
    .returning({ id: user.id });
  return rows.length > 0;
}

export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row;
}
