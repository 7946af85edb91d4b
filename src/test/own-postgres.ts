import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on the run's PostgreSQL server, for a server process started by a test; `drop()` removes it. */
export async function createOwnPostgresDatabase(runUrl: string) {
  const url = new URL(runUrl);
  const name = `${url.pathname.slice(1)}_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: runUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
