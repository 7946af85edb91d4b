/**
 * `npm run bench:data [-- --learners 100000]`: builds the insights bench's organisation on PostgreSQL
 * (BENCH_DATABASE_URL, default the waymark_insights database, created and migrated if missing): N learners
 * in 12 departments of 8 teams, 5 goals and 50 log entries each over the last 24 months, networks, sharing,
 * check-ins and goal history, mentors, an L&D admin to sign in as; then the insight facts. Re-running
 * replaces that size's organisation and leaves the others. See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { refreshFacts } from '../src/features/insights/index.js';
import { generatorStatements } from './insights-generator.js';
import { ADMIN_PASSWORD, INSIGHTS_DATABASE_URL, insightsOrg, removeOrganisation } from './insights-org.js';
import { ensurePostgresDatabase } from './postgres.js';

function learnersArgument(argv: string[]): number {
  const at = argv.indexOf('--learners');
  const raw = at >= 0 ? argv[at + 1] : '100000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100)
    throw new Error(`--learners must be a whole number of at least 100, not "${raw}"`);
  return n;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const org = insightsOrg(learnersArgument(process.argv.slice(2)));
  await ensurePostgresDatabase(INSIGHTS_DATABASE_URL, true);
  const handle = await openDatabase({ kind: 'postgres', url: INSIGHTS_DATABASE_URL, poolSize: 2 });
  const client = new pg.Client({ connectionString: INSIGHTS_DATABASE_URL });
  await client.connect();
  const started = performance.now();
  try {
    await runMigrations(handle);
    process.stdout.write(`Building "${org.name}" (${org.learners.toLocaleString('en')} learners)…\n`);
    // One transaction: a failed run leaves the earlier organisation as it was. Foreign-key triggers are off
    // (superuser): every reference is made here from rows made here, and checking 5 million log entries
    // against three tables one by one would take longer than writing them.
    await client.query('begin');
    await client.query(`set local session_replication_role = replica`);
    await client.query(`set local work_mem = '256MB'`);
    await client.query(`set local synchronous_commit = off`);
    let step = performance.now();
    await removeOrganisation(client, org);
    process.stdout.write(`  removed the earlier "${org.name}" if any: ${seconds(step)}\n`);
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    for (const statement of generatorStatements(org, passwordHash, new Date())) {
      step = performance.now();
      const result = await client.query(statement.sql, statement.params);
      const rows = result.rowCount ?? 0;
      if (statement.label) {
        process.stdout.write(
          `  ${statement.label.padEnd(30)} ${rows.toLocaleString('en').padStart(10)}  ${seconds(step)}\n`,
        );
      }
    }
    await client.query('commit');
    step = performance.now();
    // Statistics and the visibility map for what was just written (autovacuum would, within minutes).
    await client.query('vacuum analyze');
    process.stdout.write(`  vacuum analyze: ${seconds(step)}\n`);
    process.stdout.write(`Data written in ${seconds(started)}\n`);

    step = performance.now();
    await refreshFacts(handle.db, org.id);
    const refresh = seconds(step);
    const facts = await client.query('select count(*)::int as n from insight_fact where organization_id = $1', [
      org.id,
    ]);
    process.stdout.write(
      `Insight facts built (refreshFacts): ${facts.rows[0].n.toLocaleString('en')} rows in ${refresh}\n`,
    );
    await client.query('vacuum analyze insight_fact, insight_count, insight_org_count');
    process.stdout.write(`Sign in as ${org.adminEmail} / ${ADMIN_PASSWORD}. Total ${seconds(started)}\n`);
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
