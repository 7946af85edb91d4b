import type { PGlite } from '@electric-sql/pglite';

/*
 * PGlite runs PostgreSQL inside this process's one thread, and queries waiting for it are handed on from one
 * to the next in promise callbacks: when 50 requests each wait with a statement, the whole queue runs in one
 * stretch of microtasks, and nothing else happens meanwhile — no timer fires, no new request is read, no
 * answer is written (under the bench's mixed workload the event loop stood still for 600–880 ms at a time, and
 * a plan read waited up to a second). So before a statement enters the engine, if this turn of the event loop
 * has already run for a slice, the statement first waits for the next turn (setImmediate): every turn runs
 * at most about one slice of database work plus whatever the requests do with the answers, and the others
 * (reading requests, writing answers, timers) get their turn in between. Statements keep their order.
 */

/** The most database work one turn of the event loop does before letting the rest of the process run. */
export const PGLITE_SLICE_MS = 8;

let turnStartedAt: number | undefined;

/** Notes when the current turn started; a setImmediate forgets it once the turn is over. */
function turnStart(now: number): number {
  if (turnStartedAt === undefined) {
    turnStartedAt = now;
    setImmediate(() => {
      turnStartedAt = undefined;
    });
  }
  return turnStartedAt;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Makes the instance's statements take turns with the rest of the process (see above). */
export function shareTurnsWithEventLoop(client: PGlite, sliceMs = PGLITE_SLICE_MS): void {
  // biome-ignore lint/suspicious/noExplicitAny: replacing methods of one instance, whatever their signatures
  const methods = client as any;
  // The asynchronous entry points into the engine: every query and transaction statement goes through one.
  for (const name of ['execProtocol', 'execProtocolStream'] as const) {
    const original = methods[name].bind(client);
    methods[name] = async (...args: unknown[]) => {
      const now = performance.now();
      if (now - turnStart(now) >= sliceMs) {
        await nextTurn();
        turnStart(performance.now());
      }
      return original(...args);
    };
  }
}
