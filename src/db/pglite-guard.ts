import type { PGlite } from '@electric-sql/pglite';
import { DatabaseUnwritableError } from './unavailable.js';

/*
 * PGlite after a full disk. When a WAL write fails with "No space left on device", PostgreSQL raises the
 * error once; the next statement into the WASM instance (even a SELECT, even the ROLLBACK PGlite sends
 * itself) spins for good and holds the event loop: every request hangs, /api/health too, and SIGTERM
 * is never handled. Space coming back does not help. So after the first disk-full answer nothing is sent
 * into that instance again: every query fails at once as unavailable (503), and the process, which still
 * answers /api/health, exits when space returns so that a supervisor starts it again: PGlite then replays
 * its WAL as after any crash (see docs/decisions/2026-12-01-durable-writes-and-outages.md).
 */

/**
 * The SQLSTATE field of an error answer for disk_full (PostgreSQL reports ENOSPC so). Rows cannot hold it:
 * text never contains NUL, and PGlite sends bytea as hex.
 */
const diskFull = Buffer.from('C53100\0');

export interface PgliteGuard {
  /** Why the database cannot write, once it cannot. */
  unwritable(): string | undefined;
}

/**
 * Wraps the instance's one entry point into the WASM engine (every query, transaction and PGlite's own
 * ROLLBACK goes through it), looking at each answer for PostgreSQL's disk_full SQLSTATE.
 */
export function guardPglite(client: PGlite, onUnwritable: (reason: string) => void): PgliteGuard {
  let reason: string | undefined;
  const run = client.execProtocolRawSync.bind(client);
  client.execProtocolRawSync = (message: Uint8Array) => {
    if (reason) throw new DatabaseUnwritableError(`The database is unwritable: ${reason}`);
    const answer = run(message);
    const bytes = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength);
    // A byte search is native and cheap next to the query itself.
    if (bytes.includes(diskFull)) {
      reason = 'no space left on the device holding the data directory';
      onUnwritable(reason);
    }
    return answer;
  };
  return { unwritable: () => reason };
}
