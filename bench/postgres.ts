import pg from 'pg';

const START_HINT = 'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** Makes sure the bench database exists (created through a maintenance database if it does not). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL names an unusual database: "${name}"`);

  const direct = new pg.Client({ connectionString: url });
  try {
    await direct.connect();
    return;
  } catch (err) {
    // 3D000: invalid_catalog_name, the database does not exist yet; anything else means no server.
    if ((err as { code?: string }).code !== '3D000') {
      throw new Error(`Cannot connect to PostgreSQL at ${target.host}: ${(err as Error).message}\n${START_HINT}`);
    }
  } finally {
    await direct.end().catch(() => {});
  }

  let lastError: unknown;
  for (const maintenance of ['postgres', 'test', 'template1']) {
    const adminUrl = new URL(url);
    adminUrl.pathname = `/${maintenance}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    try {
      await admin.connect();
      await admin.query(`create database ${name}`);
      process.stdout.write(`Created PostgreSQL database ${name}\n`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code === '42P04') return; // created meanwhile by someone else
      lastError = err;
    } finally {
      await admin.end().catch(() => {});
    }
  }
  throw new Error(`Cannot create database ${name}: ${(lastError as Error).message}\n${START_HINT}`);
}
