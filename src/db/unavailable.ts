/**
 * Whether an error means "the database is away or cannot write just now" rather than a bug: the request
 * answers 503 `unavailable` with Retry-After, so a client can tell "retry later" from a 500.
 */

/** Socket errors and PostgreSQL's SQLSTATEs for a server shutting down, starting, or out of disk. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOSPC',
  '57P01', // admin_shutdown (a restart, pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53100', // disk_full
  '58030', // io_error
]);

const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|No space left on device|database is unwritable/i;

/** Raised for every query while the embedded database cannot write (see pglite-guard.ts). */
export class DatabaseUnwritableError extends Error {
  readonly code = 'ENOSPC';
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && unavailableMessages.test(message)) return true;
  // Drizzle wraps driver errors (DrizzleQueryError.cause); a refused dual-stack connect is an AggregateError.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
