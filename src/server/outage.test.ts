import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { createOwnPostgresDatabase } from '../test/own-postgres.js';
import { startWaymark } from '../test/server-process.js';
import { startTcpProxy } from '../test/tcp-proxy.js';
import { acknowledgedCount, lostWrites, newLedger, prepareWriter, writeUnderLoad } from '../test/write-load.js';

/*
 * PostgreSQL away under load (issue 15). The machine's PostgreSQL serves everyone's tests, so it is never
 * stopped: the server reaches it through a TCP proxy that the test cuts for 10 s (every connection reset,
 * new ones refused), and its busy connections (found by application_name) are ended with
 * pg_terminate_backend. The server must stay up, answer 503 `unavailable` with Retry-After meanwhile,
 * recover by itself, and keep every write it acknowledged. PostgreSQL only: PGlite has no connection to lose.
 */

const runUrl = inject('testDatabaseUrl');
const OUTAGE_MS = 10_000;
const ACKNOWLEDGED = 2_000;

describe.runIf(runUrl)('PostgreSQL away under load', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-outage-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers 503 while it is away, recovers by itself and loses nothing acknowledged', {
    timeout: 300_000,
  }, async () => {
    const own = await createOwnPostgresDatabase(runUrl as string);
    const direct = new URL(own.url);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const appName = `waymark_${own.name}`;
    const viaProxy = new URL(own.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.searchParams.set('application_name', appName);
    const admin = new pg.Client({ connectionString: runUrl });
    await admin.connect();
    // The job queue runs too: its own connections must survive the same.
    const server = await startWaymark({ DATABASE_URL: viaProxy.toString(), WAYMARK_DATA_DIR: dataDir, JOBS: 'true' });
    try {
      const writer = await prepareWriter(server.url, 6);
      const ledger = newLedger();
      let stop = false;
      const load = writeUnderLoad(() => server.url, writer, ledger, { captureWorkers: 6, done: () => stop });
      const until = async (check: () => boolean) => {
        while (!check()) {
          // The old failure: the process ended on the first lost connection.
          if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output().slice(-3000)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(() => acknowledgedCount(ledger) >= 300);

      // 1. The database away for 10 s.
      proxy.cut();
      const cutAt = Date.now();
      await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
      const during = {
        health: await fetch(`${server.url}/api/health`),
        ready: await fetch(`${server.url}/api/ready`),
        capture: await fetch(`${server.url}/api/log`, {
          method: 'POST',
          headers: { cookie: writer.cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ organizationId: writer.organizationId, what: 'While the database is away' }),
        }),
      };
      const captureBody = await during.capture.json();
      await new Promise((r) => setTimeout(r, cutAt + OUTAGE_MS - Date.now()));
      const answeredDuringOutage = ledger.statuses['503'] ?? 0;
      await proxy.restore();
      const restoredAt = Date.now();
      await until(() => ledger.okAt.some((t) => t > restoredAt));
      const recoveryMs = (ledger.okAt.find((t) => t > restoredAt) as number) - restoredAt;

      // 2. Busy connections of this server ended by the database, again and again.
      let terminated = 0;
      for (let i = 0; i < 20; i++) {
        const { rows } = await admin.query(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity
           where application_name = $1 and state <> 'idle' and pid <> pg_backend_pid()`,
          [appName],
        );
        terminated += rows.filter((r) => r.ok).length;
        await new Promise((r) => setTimeout(r, 100));
      }

      await until(() => acknowledgedCount(ledger) >= ACKNOWLEDGED);
      stop = true;
      await load;
      expect(server.child.exitCode).toBe(null);
      const ready = await fetch(`${server.url}/api/ready`);

      const database = await openDatabase({ kind: 'postgres', url: own.url, poolSize: 2 });
      const lost = await lostWrites(database.db, ledger);
      await database.close();
      const figures = {
        outageMs: OUTAGE_MS,
        acknowledged: acknowledgedCount(ledger),
        captures: ledger.acknowledged.captures,
        autosaves: ledger.acknowledged.autosaves,
        lost: lost.length,
        recoveryMs,
        answered503: ledger.statuses['503'] ?? 0,
        answered503DuringOutage: answeredDuringOutage,
        backendsTerminated: terminated,
        statuses: ledger.statuses,
      };
      console.log(`PostgreSQL away under load: ${JSON.stringify(figures)}`);

      expect(during.health.status).toBe(200);
      expect(during.ready.status).toBe(503);
      expect(during.capture.status).toBe(503);
      expect(during.capture.headers.get('retry-after')).toBe('5');
      expect(captureBody.error.code).toBe('unavailable');
      expect(answeredDuringOutage).toBeGreaterThan(0);
      expect(ledger.badUnavailable).toBe(0);
      expect(ledger.statuses['500'] ?? 0).toBe(0);
      expect(terminated).toBeGreaterThan(0);
      expect(recoveryMs).toBeLessThan(10_000);
      expect(ready.status).toBe(200);
      expect(lost).toEqual([]);
    } finally {
      await server.kill();
      await admin.end();
      await proxy.close();
      await own.drop();
    }
  });
});
