import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareTurnsWithEventLoop } from './pglite-turns.js';

/*
 * 60 statements queued at once on PGlite, each a few milliseconds of work in the engine. A timer set before
 * them must fire while they run, not after the last: that is the event loop getting its turns (pglite-turns.ts).
 * An instance without the change is the control: there the whole queue runs before the timer.
 */

const QUERIES = 60;
const WORK = 'select count(*) from generate_series(1, 20000)';

async function completedWhenTheTimerFired(db: PGlite): Promise<number> {
  await db.query(WORK); // warm: the first statement compiles and caches
  let completed = 0;
  const timer = new Promise<number>((resolve) => setTimeout(() => resolve(completed), 0));
  await Promise.all(
    Array.from({ length: QUERIES }, () =>
      db.query(WORK).then(() => {
        completed++;
      }),
    ),
  );
  return timer;
}

describe('PGlite statements and the event loop', () => {
  let shared: PGlite;
  let control: PGlite;
  // Starting PostgreSQL in WebAssembly takes a second on a quiet machine, far longer beside a busy suite.
  beforeAll(async () => {
    [shared, control] = await Promise.all([PGlite.create(), PGlite.create()]);
    shareTurnsWithEventLoop(shared);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([shared?.close(), control?.close()]);
  });

  it('lets a timer fire while a long queue of statements runs', async () => {
    expect(await completedWhenTheTimerFired(shared)).toBeLessThan(QUERIES / 2);
  });

  it('(control) without it the whole queue runs first', async () => {
    expect(await completedWhenTheTimerFired(control)).toBe(QUERIES);
  });
});
