import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase, pgliteClientOf } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The browser tests' migrated database, made once per run: on PostgreSQL a template database's name, on
     * PGlite the path of a tarball of its data directory.
     */
    e2eDatabaseTemplate: string;
  }
}

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const withDatabase = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Migrates a database once (TEST_DATABASE_URL's server, or PGlite) for every server of the run to copy. */
export async function makeDatabaseTemplate(): Promise<{ name: string; remove: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `waymark_e2e_template_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 2 });
    await runMigrations(database);
    await database.close();
    return { name, remove: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  const dump = await pgliteClientOf(database)?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('The PGlite template could not be dumped');
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  const file = path.resolve('.tmp', `pglite-e2e-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { name: file, remove: async () => fs.rmSync(file, { force: true }) };
}

/** The run's template, inside a Vitest run; none elsewhere (scripts that start a server migrate their own). */
async function runTemplate(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('e2eDatabaseTemplate');
}

/**
 * A fresh database for one server: PGlite in memory, or a new database on TEST_DATABASE_URL's server, copied
 * from the run's template when there is one, then brought up to date (nothing to do for a copy). `drop` removes
 * it.
 */
export async function openFreshDatabase(): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = await runTemplate();
  let database: DatabaseHandle;
  let drop = async () => {};
  if (serverUrl) {
    const name = `waymark_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
    database = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 5 });
    drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    database = await openDatabase({
      kind: 'pglite',
      ...(template && { loadDataDir: new Blob([fs.readFileSync(template)]) }),
    });
  }
  await runMigrations(database);
  return { database, drop };
}
