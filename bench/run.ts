/**
 * `npm run bench`: GET /api/me (signed in) against a bare Fastify route, in the same run, on PGlite and
 * PostgreSQL. The servers run in a child process (bench/server.ts) so autocannon does not take their CPU.
 *
 * Environment: BENCH_DB=pglite|postgres|both (both), BENCH_DURATION seconds (10), BENCH_CONNECTIONS (50),
 * BENCH_WARMUP seconds (2), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/waymark_bench),
 * BENCH_NODE_OPTIONS extra flags for the server process (e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof").
 *
 * Budget (PostgreSQL): /api/me serves at least half the bare route's requests/s, with p99 ≤ 15 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './load.js';
import { ensurePostgresDatabase } from './postgres.js';
import { type Budget, checkBudget, formatTable, type Measurement } from './report.js';
import { type BenchServer, startServer } from './server-process.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const settings = {
  db: process.env.BENCH_DB ?? 'both',
  duration: positive('BENCH_DURATION', 10),
  warmup: positive('BENCH_WARMUP', 2),
  connections: positive('BENCH_CONNECTIONS', 50),
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waymark_bench',
};

const budget: Budget = { db: 'postgres', minRatio: 0.5, maxP99Ms: 15 };

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** Signs a new person up and gives them an organisation, as the web app's first run does; returns the Cookie. */
async function signedInCookie(appUrl: string): Promise<string> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signUp = await fetch(`${appUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Person', email, password: 'bench-password-1234' }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  if (!cookie.includes('session_token=')) throw new Error(`sign-up set no session cookie: ${cookie}`);

  const org = await fetch(`${appUrl}/api/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Bench Organisation' }),
  });
  if (org.status !== 201) throw new Error(`creating an organisation answered ${org.status}: ${await org.text()}`);

  // The load test only counts status codes: check once that the answer really is the signed-in person.
  const me = await fetch(`${appUrl}/api/me`, { headers: { cookie } });
  const body = (await me.json()) as { user?: { email?: string }; memberships?: unknown[] };
  if (me.status !== 200 || body.user?.email !== email || body.memberships?.length !== 1) {
    throw new Error(`GET /api/me answered ${me.status}: ${JSON.stringify(body)}`);
  }
  return cookie;
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<Measurement[]> {
  let server: BenchServer | undefined;
  try {
    if (kind === 'postgres') await ensurePostgresDatabase(settings.databaseUrl);
    process.stdout.write(`\n[${kind}] starting the server process…\n`);
    server = await startServer({
      kind,
      databaseUrl: settings.databaseUrl,
      nodeOptions: process.env.BENCH_NODE_OPTIONS,
    });
    const cookie = await signedInCookie(server.appUrl);
    const load = { connections: settings.connections, warmup: settings.warmup, duration: settings.duration };
    const bare = await measure({ ...load, db: kind, target: 'bare', url: `${server.bareUrl}/bare` });
    const me = await measure({ ...load, db: kind, target: '/api/me', url: `${server.appUrl}/api/me`, cookie });
    return [bare, me];
  } finally {
    await server?.stop();
  }
}

async function main() {
  const kinds: ('pglite' | 'postgres')[] =
    settings.db === 'both' ? ['pglite', 'postgres'] : settings.db === 'pglite' ? ['pglite'] : ['postgres'];
  if (!['both', 'pglite', 'postgres'].includes(settings.db)) {
    throw new Error(`BENCH_DB must be pglite, postgres or both, not "${settings.db}"`);
  }
  process.stdout.write(
    `Waymark bench: ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per target\n`,
  );

  const results: Measurement[] = [];
  for (const kind of kinds) results.push(...(await benchDatabase(kind)));

  const checks = checkBudget(results, budget);
  process.stdout.write(`\n${formatTable(results, checks)}\n`);

  const out = path.join(benchDir, 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { ...settings, databaseUrl: kinds.includes('postgres') ? settings.databaseUrl : undefined },
    budget,
    results,
    checks,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nResults written to ${path.relative(process.cwd(), out)}\n`);

  const errors = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (errors.length > 0) {
    process.stdout.write(`FAIL: failed responses in ${errors.map((r) => `${r.db} ${r.target}`).join(', ')}\n`);
    process.exitCode = 1;
  }
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
