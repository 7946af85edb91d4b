/*
 * Two identical writes at once (a double click, a retry) both pass a service's "does it exist already?"
 * check, and the database's unique constraint stops the second. One rule everywhere: the loser answers
 * exactly as it would have a moment later, when the winner's row was there to see.
 */

/** Whether a database error (bare, or wrapped by Drizzle as its `cause`) is a unique violation (23505). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a write (its own transaction); if it lost a race to an identical one, runs it once more. The second
 * run sees the winner's committed row, so the service's own check answers for it: the same result where the
 * write is idempotent, or 409 with the existing record. A violation on the second run is a real conflict,
 * which the error handler answers with 409.
 */
export async function retryIfRaced<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return write();
  }
}
