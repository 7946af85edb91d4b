import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteClientOf } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL URL of the database made for this run, when TEST_DATABASE_URL is set. */
    testDatabaseUrl: string | undefined;
    /** Tarball of a migrated PGlite data directory: each test file loads a copy (creating one costs seconds). */
    pgliteTemplate: string | undefined;
  }
}

/**
 * Runs once per `vitest run`. On PostgreSQL it creates a fresh database for the run (dropped at the end);
 * on PGlite it migrates one in-memory database and saves it as the template every test file copies.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `waymark_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    try {
      await admin.connect();
    } catch (err) {
      throw new Error(
        `Cannot reach TEST_DATABASE_URL (${serverUrl}): ${(err as Error).message}\n` +
          'Start PostgreSQL with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      );
    }
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    await runMigrations(database);
    await database.close();
    project.provide('testDatabaseUrl', url.toString());
    project.provide('pgliteTemplate', undefined);
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }

  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  const dump = await pgliteClientOf(database)?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite template could not be dumped');
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabaseUrl', undefined);
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}
