import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { within } from '../test/within.js';
import { CHANGES_APPLICATION_NAME, CHANGES_CHANNEL, createChangeFeed } from './change-feed.js';
import { SEEN_COOKIE } from './own-writes.js';

/*
 * An instance alone on its database tells nobody of its writes, and tells again the moment another one listens
 * (change-feed-peers.ts). On a PostgreSQL database of this file's own: the run's shared one always has other
 * files' instances listening.
 */

const runUrl = inject('testDatabaseUrl');

describe.runIf(runUrl)('an instance alone on its database (PostgreSQL)', async () => {
  const a = runUrl ? await createTestApp({ ownDatabase: true }) : (undefined as unknown as TestApp);
  const c = runUrl ? await createCast(a) : (undefined as never);
  const as = c?.as('self') as Record<string, string>;
  // Hears the channel as a tool would, not as an instance: its connection has another name, so it is not counted.
  const eavesdropper = new pg.Client({ connectionString: a?.database.url, application_name: 'test-eavesdropper' });
  const overheard: string[] = [];
  beforeAll(async () => {
    if (!runUrl) return;
    await eavesdropper.connect();
    eavesdropper.on('notification', (message) => overheard.push(message.payload ?? ''));
    await eavesdropper.query(`LISTEN "${CHANGES_CHANNEL}"`);
  });
  afterAll(() => eavesdropper.end());

  const saveGoal = async (app: TestApp, planId: string, goalId: string, what: string) => {
    const current = (await app.callOk('GET', `/api/plans/${planId}`, as)).goals[0];
    return app.app.inject({
      method: 'PATCH',
      url: `/api/plans/${planId}/goals/${goalId}`,
      headers: as,
      payload: { version: current.version, what },
    });
  };

  it('finds itself alone and sends its writes no NOTIFY, so they carry no mark', async () => {
    await within(
      1_000,
      () => a.ctx.changes.tellsOthers(),
      (tells) => !tells,
    );

    const plan = await a.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2027' });
    const goal = await a.callOk('POST', `/api/plans/${plan.id}/goals`, as, { what: 'Alone' });
    const saved = await saveGoal(a, plan.id, goal.id, 'Still alone');
    expect(saved.statusCode).toBe(200);
    expect(String(saved.headers['set-cookie'] ?? '')).not.toContain(SEEN_COOKIE);
    const captured = await a.app.inject({
      method: 'POST',
      url: '/api/log',
      headers: as,
      payload: { organizationId: c.org.id, what: 'Nobody else listens' },
    });
    expect(captured.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 100));
    expect(overheard).toEqual([]);
    // Its own caches still hear it, as they always do.
    expect((await a.callOk('GET', `/api/plans/${plan.id}`, as)).goals[0].what).toBe('Still alone');
  });

  it('tells again once a second instance says hello, which caches nothing before the first has answered', async () => {
    const plan = await a.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2028' });
    const goal = await a.callOk('POST', `/api/plans/${plan.id}/goals`, as, { what: 'Version 0' });
    // The first keeps writing, alone, while the second starts: none of these writes may stay hidden from it.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const res = await saveGoal(a, plan.id, goal.id, `Version ${++written}`);
        if (res.statusCode !== 200) throw new Error(`autosave answered ${res.statusCode}: ${res.body}`);
      }
    })();
    const b = await createTestApp({ instanceOf: { database: a.database, rateLimitNamespace: a.rateLimitNamespace } });
    expect(b.ctx.changes.complete()).toBe(true);
    expect(a.ctx.changes.tellsOthers()).toBe(true);
    // The hello and its answer went over the channel (heard here on a connection of its own, so a moment later).
    await within(
      1_000,
      () => overheard.map((payload) => JSON.parse(payload)),
      (said) => said.some((m) => m.hello),
    );
    await within(
      1_000,
      () => overheard.map((payload) => JSON.parse(payload)),
      (said) => said.some((m) => m.ack),
    );
    // B reads (and caches) while A goes on writing: every copy B serves catches up with the database.
    for (let i = 0; i < 20; i++) await b.callOk('GET', `/api/plans/${plan.id}`, as);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(1);
    await within(
      1_000,
      async () => (await b.callOk('GET', `/api/plans/${plan.id}`, as)).goals[0].what,
      (what) => what === `Version ${written}`,
    );
    // Now A's writes carry their number, and B serves them on the next request.
    const saved = await saveGoal(a, plan.id, goal.id, 'Told');
    expect(String(saved.headers['set-cookie'] ?? '')).toContain(`${SEEN_COOKIE}=`);
    await within(
      1_000,
      async () => (await b.callOk('GET', `/api/plans/${plan.id}`, as)).goals[0].what,
      (what) => what === 'Told',
    );

    // When B has gone, A finds itself alone again (it looks every 2 s).
    await b.app.close();
    await within(
      5_000,
      () => a.ctx.changes.tellsOthers(),
      (tells) => !tells,
    );
  }, 30_000);

  it('names its listening connection so the others find it, even where the URL names every connection', async () => {
    const url = new URL(a.database.url as string);
    url.searchParams.set('application_name', 'named-by-the-operator');
    const feed = createChangeFeed({ database: { ...a.database, url: url.toString() }, log: a.app.log, listen: true });
    try {
      expect(await feed.untilComplete(5_000)).toBe(true);
      const { rows } = await eavesdropper.query(
        'select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1',
        [CHANGES_APPLICATION_NAME],
      );
      expect(rows[0].n).toBe(2); // A's and this one's
      await within(5_000, () => a.ctx.changes.tellsOthers(), Boolean);
    } finally {
      await feed.close();
    }
  });

  it('waits, uncached, for an instance that listens but never answers, and caches once it has gone', async () => {
    // A listener with the instances' name that answers nothing, as an instance stuck or of an older version.
    const silent = new pg.Client({ connectionString: a.database.url, application_name: CHANGES_APPLICATION_NAME });
    await silent.connect();
    await silent.query(`LISTEN "${CHANGES_CHANNEL}"`);
    const feed = createChangeFeed({ database: a.database, log: a.app.log, listen: true });
    try {
      // A counts it too: it tells its writes while it is there.
      await within(5_000, () => a.ctx.changes.tellsOthers(), Boolean);
      expect(await feed.untilComplete(2_500)).toBe(false);
      // The newcomer asks again every second…
      const hellos = new Set(
        overheard
          .map((payload) => JSON.parse(payload))
          .filter((m) => m.hello)
          .map((m) => m.o),
      );
      expect(hellos.size).toBeGreaterThan(0);
      // …and looks who is still there: once the silent one has gone, it caches.
      await silent.end();
      expect(await feed.untilComplete(3_000)).toBe(true);
    } finally {
      await feed.close();
      await silent.end().catch(() => {});
    }
  }, 30_000);
});
