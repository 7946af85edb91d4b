import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { createOwnPostgresDatabase } from '../test/own-postgres.js';
import { startWaymark, type WaymarkProcess } from '../test/server-process.js';
import { acknowledgedCount, lostWrites, newLedger, prepareWriter, writeUnderLoad } from '../test/write-load.js';

/*
 * kill -9 of the server while it acknowledges writes (issue 15): every capture answered 201 and every autosave
 * answered 200 is in the database afterwards, and the database opens again every time. On PGlite the killed
 * process leaves its data directory (and its lock) behind: the next process must open it cleanly.
 */

const runUrl = inject('testDatabaseUrl');
const kind = runUrl ? 'postgres' : 'pglite';
const ROUNDS = kind === 'pglite' ? 5 : 3;
const ACKNOWLEDGED = 2_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-crash-'));
const own = runUrl ? await createOwnPostgresDatabase(runUrl) : undefined;
const env: Record<string, string> = { WAYMARK_DATA_DIR: dataDir, ...(own ? { DATABASE_URL: own.url } : {}) };
const target = () =>
  own ? ({ kind: 'postgres', url: own.url, poolSize: 2 } as const) : ({ kind: 'pglite', dataDir } as const);

afterAll(async () => {
  await own?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`kill -9 under acknowledged writes (${kind})`, () => {
  it(`loses nothing acknowledged over ${ROUNDS} kills and restarts`, { timeout: 600_000 }, async () => {
    const ledger = newLedger();
    let server: WaymarkProcess = await startWaymark(env);
    const writer = await prepareWriter(server.url, 6);
    const opens: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const goal = Math.ceil((ACKNOWLEDGED * round) / ROUNDS) + 20;
      let stop = false;
      const load = writeUnderLoad(() => server.url, writer, ledger, { captureWorkers: 6, done: () => stop });
      while (acknowledgedCount(ledger) < goal) {
        if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Killed with requests in flight: some are written and never answered, which is allowed.
      await server.kill('SIGKILL');
      stop = true;
      await load;

      // The directory (with the dead process's lock on PGlite) opens again, and holds every acknowledged write.
      const started = Date.now();
      const database = await openDatabase(target());
      opens.push(Date.now() - started);
      const lost = await lostWrites(database.db, ledger);
      await database.close();
      expect(lost).toEqual([]);
      if (round < ROUNDS) server = await startWaymark(env);
    }
    const figures = {
      db: kind,
      kills: ROUNDS,
      acknowledged: acknowledgedCount(ledger),
      captures: ledger.acknowledged.captures,
      autosaves: ledger.acknowledged.autosaves,
      lost: 0,
      opened: `${opens.length} of ${ROUNDS}, ${Math.max(...opens)} ms at most`,
      statuses: ledger.statuses,
    };
    console.log(`kill -9 under load: ${JSON.stringify(figures)}`);
    expect(acknowledgedCount(ledger)).toBeGreaterThanOrEqual(ACKNOWLEDGED);
    expect(ledger.statuses['500'] ?? 0).toBe(0);
  });
});
