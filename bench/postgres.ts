import pg from 'pg';

const START_HINT = 'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/**
 * Gives the run a fresh bench database: dropped if an earlier run left one, then created (through a maintenance
 * database). Each run adds people, plans and history; starting from empty keeps runs comparable. With
 * `keepExisting` (the insights data, which takes minutes to build) an existing database is left as it is.
 */
export async function ensurePostgresDatabase(url: string, keepExisting = false): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL names an unusual database: "${name}"`);

  let lastError: unknown;
  for (const maintenance of ['postgres', 'test', 'template1']) {
    const adminUrl = new URL(url);
    adminUrl.pathname = `/${maintenance}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    try {
      await admin.connect();
    } catch (err) {
      lastError = err;
      await admin.end().catch(() => {});
      continue;
    }
    try {
      if (keepExisting) {
        const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount) return;
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      process.stdout.write(`Created a fresh PostgreSQL database ${name}\n`);
      return;
    } finally {
      await admin.end().catch(() => {});
    }
  }
  throw new Error(`Cannot connect to PostgreSQL at ${target.host}: ${(lastError as Error)?.message}\n${START_HINT}`);
}

/** Refreshes the planner's statistics after the fixtures' bulk load, as autovacuum would within a minute. */
export async function analyzePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
