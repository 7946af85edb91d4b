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

export interface PgliteGuard {
  /** Why the database cannot write, once it cannot. */
  unwritable(): string | undefined;
}

const DISK_FULL = '53100';

/**
 * Wraps the instance's entry points into the WASM engine (every query, transaction and PGlite's own
 * ROLLBACK goes through them): each refuses at once once the disk was full, and the two that report
 * PostgreSQL's errors watch for disk_full (the SQLSTATE PostgreSQL gives a failed write's ENOSPC).
 */
export function guardPglite(client: PGlite, onUnwritable: (reason: string) => void): PgliteGuard {
  let reason: string | undefined;
  const refuseIfUnwritable = () => {
    if (reason) throw new DatabaseUnwritableError(`The database is unwritable: ${reason}`);
  };
  const watch = (err: unknown) => {
    if (!reason && (err as { code?: unknown })?.code === DISK_FULL) {
      reason = 'no space left on the device holding the data directory';
      onUnwritable(reason);
    }
    return err;
  };
  // biome-ignore lint/suspicious/noExplicitAny: replacing methods of one instance, whatever their signatures
  const methods = client as any;
  for (const name of ['execProtocol', 'execProtocolStream'] as const) {
    const original = client[name].bind(client);
    methods[name] = async (...args: unknown[]) => {
      refuseIfUnwritable();
      try {
        // biome-ignore lint/suspicious/noExplicitAny: passed on as received
        return await (original as any)(...args);
      } catch (err) {
        throw watch(err);
      }
    };
  }
  for (const name of ['execProtocolRaw', 'execProtocolRawStream', 'execProtocolRawSync'] as const) {
    const original = client[name].bind(client);
    methods[name] = (...args: unknown[]) => {
      refuseIfUnwritable();
      // biome-ignore lint/suspicious/noExplicitAny: passed on as received
      return (original as any)(...args);
    };
  }
  return { unwritable: () => reason };
}
