import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { within } from '../test/within.js';
import { CHANGES_APPLICATION_NAME } from './change-feed.js';
import type { Change } from './changes.js';
import { SEEN_COOKIE } from './own-writes.js';

/*
 * The change feed (issue 16): a write announces what it changed; this process hears it once the transaction
 * has committed (never for a rollback), and on PostgreSQL so does every other instance, through LISTEN/NOTIFY.
 * The second half runs two apps on one PostgreSQL database, as two instances behind a balancer would: what
 * one writes, the other serves on the next request, though it had the old state cached.
 */

const t = await createTestApp();
const heard: Change[] = [];
t.ctx.changes.on('log', (change) => heard.push(change));

describe('the change feed in one process', () => {
  it('delivers a change once its transaction commits, never before and never for a rollback', async () => {
    heard.length = 0;
    await t.db.transaction(async () => {
      await t.ctx.changes.announce({ kind: 'log', memberId: 'committed' });
      expect(heard).toEqual([]); // not before the commit
    });
    expect(heard).toEqual([{ kind: 'log', memberId: 'committed' }]);

    await expect(
      t.db.transaction(async () => {
        await t.ctx.changes.announce({ kind: 'log', memberId: 'rolled back' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(heard).toEqual([{ kind: 'log', memberId: 'committed' }]);
  });

  it('holds a savepoint’s changes until the transaction around it commits', async () => {
    heard.length = 0;
    await t.db.transaction(async (tx) => {
      await tx.transaction(async () => {
        await t.ctx.changes.announce({ kind: 'log', memberId: 'inner' });
      });
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([{ kind: 'log', memberId: 'inner' }]);
  });

  it.runIf(t.database.kind === 'pglite')('numbers no writes where no other instance can exist (PGlite)', async () => {
    const c = await createCast(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/log',
      headers: c.as('self'),
      payload: { organizationId: c.org.id, what: 'One process only' },
    });
    expect(res.statusCode).toBe(201);
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain(SEEN_COOKIE);
  });

  it('delivers at once what was written outside a transaction', async () => {
    heard.length = 0;
    await t.ctx.changes.announce({ kind: 'log', memberId: 'autocommit' });
    expect(heard).toEqual([{ kind: 'log', memberId: 'autocommit' }]);
  });
});

const runUrl = inject('testDatabaseUrl');

describe.runIf(runUrl)('two instances on one PostgreSQL database (PostgreSQL only: PGlite has one process)', () => {
  let b: TestApp;
  const admin = new pg.Client({ connectionString: runUrl });
  afterAll(() => admin.end());

  const listening = async (app: TestApp) => within(2_000, async () => app.ctx.changes.complete(), Boolean);

  it('serves on the next request what the other wrote, though it had the old state cached', async () => {
    b = await createTestApp();
    await admin.connect();
    await listening(t);
    await listening(b);
    const c = await createCast(t);
    const as = c.as('self') as Record<string, string>;
    const plan = await t.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2027' });
    const goal = await t.callOk('POST', `/api/plans/${plan.id}/goals`, as, { what: 'Learn SQL' });

    // B reads and caches the plan, A autosaves, B's next read has the new wording.
    expect((await b.call('GET', `/api/plans/${plan.id}`, as)).body.goals[0].what).toBe('Learn SQL');
    await t.callOk('PATCH', `/api/plans/${plan.id}/goals/${goal.id}`, as, {
      version: goal.version,
      what: 'Learn window functions',
    });
    // Within a second here (B's cache would serve the old wording for 10 s); src/server/instances.test.ts
    // measures how soon across real processes.
    await within(
      1_000,
      async () => (await b.call('GET', `/api/plans/${plan.id}`, as)).body.goals[0].what,
      (what) => what === 'Learn window functions',
    );

    // The same for a learner's log page and for the organisation's feed.
    expect((await b.call('GET', `/api/log?orgId=${c.org.id}`, as)).body.entries).toHaveLength(0);
    await t.callOk('POST', '/api/log', as, { organizationId: c.org.id, what: 'Read about indexes' });
    await within(
      1_000,
      async () => (await b.call('GET', `/api/log?orgId=${c.org.id}`, as)).body.entries.length,
      (n) => n === 1,
    );
    const feedUrl = `/api/feed?orgId=${c.org.id}`;
    expect((await b.call('GET', feedUrl, as)).body.posts).toHaveLength(0);
    await t.callOk('POST', '/api/posts', as, {
      organizationId: c.org.id,
      title: 'Indexes',
      body: 'What I learned',
      visibility: 'organization',
      topics: [],
    });
    await within(
      1_000,
      async () => (await b.call('GET', feedUrl, as)).body.posts.length,
      (n) => n === 1,
    );
  });

  it('refuses on the other instance a removed member and a signed-out session', async () => {
    const c = await createCast(t);
    const as = c.as('self') as Record<string, string>;
    const plan = await t.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2027' });
    // Cached on B: the session, the memberships, the plan.
    expect((await b.call('GET', `/api/plans/${plan.id}`, as)).status).toBe(200);
    await t.callOk(
      'DELETE',
      `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      c.as('admin') as Record<string, string>,
    );
    await within(
      1_000,
      async () => (await b.call('GET', `/api/plans/${plan.id}`, as)).status,
      (s) => s === 404,
    );

    const other = c.as('otherMember') as Record<string, string>;
    expect((await b.call('GET', '/api/me', other)).status).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: other });
    expect(out.statusCode).toBe(204);
    await within(
      1_000,
      async () => (await b.call('GET', '/api/me', other)).status,
      (s) => s === 401,
    );
  });

  it('reads without its caches while it cannot hear the others, and listens again by itself', async () => {
    const c = await createCast(t);
    const as = c.as('self') as Record<string, string>;
    const plan = await t.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2027' });
    const goal = await t.callOk('POST', `/api/plans/${plan.id}/goals`, as, { what: 'First' });
    expect((await b.call('GET', `/api/plans/${plan.id}`, as)).status).toBe(200);

    // End every listening connection on this database: B (and A) must notice at once.
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
      [CHANGES_APPLICATION_NAME],
    );
    await within(
      1_000,
      async () => b.ctx.changes.complete(),
      (complete) => !complete,
    );
    // A write B cannot hear about: B reads it anyway, from the database.
    await t.callOk('PATCH', `/api/plans/${plan.id}/goals/${goal.id}`, as, { version: goal.version, what: 'Second' });
    const read = await b.call('GET', `/api/plans/${plan.id}`, as);
    expect(read.body.goals[0].what).toBe('Second');

    const back = await listening(b);
    expect(back.ms).toBeLessThan(2_000);
    const after = await t.callOk('GET', `/api/plans/${plan.id}`, as);
    await t.callOk('PATCH', `/api/plans/${plan.id}/goals/${goal.id}`, as, {
      version: after.goals[0].version,
      what: 'Third',
    });
    await within(
      1_000,
      async () => (await b.call('GET', `/api/plans/${plan.id}`, as)).body.goals[0].what,
      (what) => what === 'Third',
    );
  });

  it('serves the writer’s next read past its caches until it has heard the write (read your own writes)', async () => {
    // An instance that never hears the others keeps what it cached: only the writer's mark can get past it.
    const deaf = await createTestApp({ hearsOthers: false });
    const c = await createCast(t);
    const as = c.as('self') as Record<string, string>;
    const plan = await t.callOk('POST', '/api/plans', as, { organizationId: c.org.id, cycle: '2027' });
    const goal = await t.callOk('POST', `/api/plans/${plan.id}/goals`, as, { what: 'Before' });
    const whatOn = async (app: TestApp, cookie: string) =>
      (await app.call('GET', `/api/plans/${plan.id}`, { cookie })).body.goals[0].what;
    expect(await whatOn(deaf, as.cookie as string)).toBe('Before'); // now cached there

    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/${plan.id}/goals/${goal.id}`,
      headers: as,
      payload: { version: goal.version, what: 'After' },
    });
    expect(saved.statusCode).toBe(200);
    const mark = String(saved.headers['set-cookie'] ?? '');
    expect(mark).toMatch(new RegExp(`^${SEEN_COOKIE}=\\d+; Path=/; Max-Age=30; HttpOnly; SameSite=Lax$`));
    const withMark = `${as.cookie}; ${mark.split(';')[0]}`;

    expect(await whatOn(deaf, as.cookie as string)).toBe('Before'); // without the mark: its stale copy
    expect(await whatOn(deaf, withMark)).toBe('After'); // with it: the database
    expect(await whatOn(t, withMark)).toBe('After'); // the writer heard its own write: its caches serve

    // A capture and a post: the mark of the newest write covers the log page and the feed too.
    const feed = `/api/feed?orgId=${c.org.id}`;
    const log = `/api/log?orgId=${c.org.id}`;
    expect((await deaf.call('GET', log, as)).body.entries).toHaveLength(0);
    expect((await deaf.call('GET', feed, as)).body.posts).toHaveLength(0);
    const captured = await t.app.inject({
      method: 'POST',
      url: '/api/log',
      headers: { ...as, cookie: withMark },
      payload: { organizationId: c.org.id, what: 'Read about indexes' },
    });
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { ...as, cookie: withMark },
      payload: { organizationId: c.org.id, body: 'What I learned', visibility: 'organization', topics: [] },
    });
    expect([captured.statusCode, posted.statusCode]).toEqual([201, 201]);
    const newest = String(posted.headers['set-cookie']).split(';')[0] as string;
    const seq = (cookie: string) => Number(cookie.split('=')[1]);
    expect(seq(newest)).toBeGreaterThan(seq(String(captured.headers['set-cookie']).split(';')[0] as string));
    const cookie = `${as.cookie}; ${newest}`;
    expect((await deaf.call('GET', log, as)).body.entries).toHaveLength(0);
    expect((await deaf.call('GET', log, { cookie })).body.entries).toHaveLength(1);
    expect((await deaf.call('GET', feed, { cookie })).body.posts).toHaveLength(1);
    // Reads set no mark of their own.
    const read = await deaf.app.inject({ method: 'GET', url: log, headers: { cookie } });
    expect(read.headers['set-cookie']).toBeUndefined();
  });
});
