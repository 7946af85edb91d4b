import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from './client.js';
import { runMigrations } from './migrate.js';

const runUrl = inject('testDatabaseUrl');

describe('migrations', () => {
  // Several instances starting at once on one database only happen on PostgreSQL (PGlite is one process).
  it.skipIf(!runUrl)('three instances starting at once on a new PostgreSQL database all come up', async () => {
    const server = new URL(runUrl as string);
    const name = `${server.pathname.slice(1)}_migrate_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: runUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    server.pathname = `/${name}`;
    const handles = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: server.toString(), poolSize: 3 })),
    );
    try {
      const results = await Promise.allSettled(handles.map((h) => runMigrations(h)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const applied = await handles[0]?.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations');
      const journal = (await import('./migrations/meta/_journal.json', { with: { type: 'json' } })).default;
      expect((applied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
