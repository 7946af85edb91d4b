import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';
import { createOrg } from '../test/factories.js';
import { pgliteClientOf } from './client.js';

/*
 * A full disk under PGlite: after PostgreSQL's first disk_full error, a real instance hangs on its next
 * statement (the event loop with it). Here the error is raised by PostgreSQL itself, with the SQLSTATE and
 * words of a failed WAL write; what matters is that nothing is sent into the instance afterwards.
 */
const t = await createTestApp();
const pglite = pgliteClientOf(t.database);

describe.runIf(pglite)('PGlite after a full disk (embedded database only)', () => {
  it('answers 503 at once, keeps /api/health answering and says the database is unwritable', async () => {
    const { owner, org } = await createOrg(t.db);
    const headers = { cookie: await t.sessionFor(owner.id) };
    const capture = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/log',
        headers,
        payload: { organizationId: org.id, what: 'Something worth keeping' },
      });
    expect((await capture()).statusCode).toBe(201);

    const diskFull = pglite?.exec(
      `do $$ begin raise exception 'could not write to file "pg_wal/xlogtemp.42": No space left on device' using errcode = 'disk_full'; end $$`,
    );
    // PGlite's own clean-up after the error is refused already, so either error may come back.
    await expect(diskFull).rejects.toThrow(/No space left on device|unwritable/);

    const started = Date.now();
    const refused = await capture();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().error.code).toBe('unavailable');
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().database).toEqual({
      state: 'unwritable',
      reason: 'no space left on the device holding the data directory',
    });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.message).toContain('no space left');
    await t.database.close();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
