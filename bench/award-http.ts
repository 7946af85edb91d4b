/**
 * Issue 20's award figure measured the way people meet it: over HTTP, against the compiled server (`npm start`'s
 * dist/server/main.mjs) on a PGlite data directory or a PostgreSQL database of its own. A fresh seed gets 1,000
 * more members; an L&D admin awards them one achievement at once while a learner asks for `/api/me` one request
 * after another (the next 5 ms after the last answer), and for 3 s before it and 3 s after it as the idle baseline. Prints
 * the award's seconds and both p99s, per run; the bound is p99 during ≤ 2× idle.
 *
 *   npx tsx bench/award-http.ts [pglite|postgres] [runs, 3]
 *
 * AWARD_SERVER_NODE_OPTIONS passes flags to the server's Node alone (a CPU profile, say). AWARD_PROBE names
 * another route for the learner to ask for instead of `/api/me`: `/api/notifications` reads the database each
 * time, so it shows whether the award holds the database (on PGlite, one connection) as well as the thread.
 *
 * The on-demand test badges-load.test.ts runs `measureAward` too: measured inside the test process, the figure
 * was the test harness's own garbage collections (6–9 ms each, against 2–3 ms in the server).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { membership, organization, user } from '../src/db/schema/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
type Kind = 'pglite' | 'postgres';
const port = 3190;
const base = `http://127.0.0.1:${port}`;
const PASSWORD = 'waymark-demo';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

export async function prepare(
  kind: Kind,
): Promise<{ env: NodeJS.ProcessEnv; memberIds: string[]; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-award-'));
  const url = `postgres://postgres@127.0.0.1:5432/waymark_award_${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    BASE_URL: base,
    LOG_LEVEL: 'warn',
    WAYMARK_DATA_DIR: dataDir,
  };
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`create database waymark_award_${process.pid}`);
    await admin.end();
    env.DATABASE_URL = url;
  }
  const seeded = spawnSync('npm', ['run', 'db:seed'], { cwd: root, env, stdio: 'ignore' });
  if (seeded.status !== 0) throw new Error('npm run db:seed failed');
  const handle = await openDatabase(kind === 'postgres' ? { kind, url } : { kind, dataDir });
  const [org] = await handle.db.select().from(organization).limit(1);
  if (!org) throw new Error('the seed made no organisation');
  const users = Array.from({ length: 1000 }, (_, i) => ({
    id: randomUUID(),
    name: `Participant ${i}`,
    email: `participant-${i}-${randomUUID()}@example.test`,
    emailVerified: true,
  }));
  await handle.db.insert(user).values(users);
  const members = users.map((u) => ({ id: randomUUID(), organizationId: org.id, userId: u.id }));
  await handle.db.insert(membership).values(members);
  await handle.close();
  const cleanup = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (kind !== 'postgres') return;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`drop database if exists waymark_award_${process.pid} with (force)`);
    await admin.end();
  };
  return { env, memberIds: members.map((m) => m.id), cleanup };
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
export function request(method: string, route: string, cookie: string, body?: unknown) {
  return new Promise<{ status: number; body: string; cookies: string[] }>((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { origin: base, cookie, ...(data ? { 'content-type': 'application/json' } : {}) };
    const req = http.request(`${base}${route}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          cookies: res.headers['set-cookie'] ?? [],
        }),
      );
    });
    req.on('error', reject);
    req.end(data);
  });
}

export async function signIn(email: string): Promise<string> {
  const answer = await request('POST', '/api/auth/sign-in', '', { email, password: PASSWORD });
  if (answer.status !== 200) throw new Error(`sign-in as ${email}: ${answer.status} ${answer.body}`);
  return answer.cookies.map((c) => c.split(';')[0]).join('; ');
}

/** `/api/me` latencies, timed from when each request was due, until `until` settles. */
async function meLatencies(cookie: string, until: Promise<unknown>, route: string): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const times: number[] = [];
  let due = performance.now();
  while (!done) {
    while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, 1));
    const answer = await request('GET', route, cookie);
    if (answer.status !== 200) throw new Error(`${route} answered ${answer.status}`);
    times.push(performance.now() - due);
    due = performance.now() + 5;
  }
  return times;
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const built = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('the build failed');
  // AWARD_SERVER_NODE_OPTIONS: flags for the server's Node only (a profile: "--cpu-prof --cpu-prof-dir=/tmp/p").
  const flags = (process.env.AWARD_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...flags, 'dist/server/main.mjs'], { cwd: root, env, stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    const healthy = await request('GET', '/api/health', '').then(
      (a) => a.status === 200,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill('SIGKILL');
  throw new Error('the server did not become healthy');
}

export interface AwardFigures {
  database: Kind;
  run: number;
  status: number;
  awarded: number;
  awardSeconds: number;
  /** The probe's p99 on both sides of the award, and during it (ms). */
  meP99IdleMs: number;
  meP99DuringMs: number;
  requestsDuring: number;
  ratio: number;
  within2x: boolean;
}

/**
 * Starts the compiled server on a fresh seed with 1,000 more members, awards them one achievement `runs` times
 * (a new achievement each run) and answers each run's figures. `probe` is the route the learner asks for.
 */
export async function measureAward(kind: Kind, runs: number, probe = '/api/me'): Promise<AwardFigures[]> {
  const { env, memberIds, cleanup } = await prepare(kind);
  const results: AwardFigures[] = [];
  try {
    const server = await startServer(env);
    try {
      const admin = await signIn('tom.lindqvist@riverside.example');
      const learner = await signIn('maya.okafor@riverside.example');
      const me = JSON.parse((await request('GET', '/api/me', admin)).body);
      const orgId = me.memberships[0].organizationId as string;
      for (let run = 1; run <= runs; run++)
        results.push(await awardOnce(kind, run, { admin, learner, orgId, memberIds, probe }));
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    await cleanup();
  }
  return results;
}

async function awardOnce(
  kind: Kind,
  run: number,
  s: { admin: string; learner: string; orgId: string; memberIds: string[]; probe: string },
): Promise<AwardFigures> {
  const created = await request('POST', `/api/orgs/${s.orgId}/achievements`, s.admin, {
    name: `Cohort ${run}`,
    description: 'Completed the programme.',
    criteria: 'Every week tried and reflected on.',
  });
  const awards = `/api/achievements/${JSON.parse(created.body).id}/awards`;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Two awarded first: the signing process started, as on a server that has awarded before.
  await request('POST', awards, s.admin, { memberIds: s.memberIds.slice(0, 2), reason: 'Warming up' });
  await meLatencies(s.learner, wait(1000), s.probe);
  const before = await meLatencies(s.learner, wait(3000), s.probe);
  const started = performance.now();
  const award = request('POST', awards, s.admin, { memberIds: s.memberIds.slice(2), reason: 'Cohort completed' });
  const during = await meLatencies(s.learner, award, s.probe);
  const answer = await award;
  const awardMs = performance.now() - started;
  // The baseline is taken on both sides of the award: on a shared machine the idle p99 alone moved 2× between
  // runs minutes apart, and one side only would measure the machine's drift as much as the award.
  const after = await meLatencies(s.learner, wait(3000), s.probe);
  const idle = [...before, ...after];
  const meP99IdleMs = Number(percentile(idle, 99).toFixed(1));
  const meP99DuringMs = Number(percentile(during, 99).toFixed(1));
  const ratio = meP99DuringMs / meP99IdleMs;
  return {
    database: kind,
    run,
    status: answer.status,
    awarded: (JSON.parse(answer.body).awards ?? []).length,
    awardSeconds: Number((awardMs / 1000).toFixed(1)),
    meP99IdleMs,
    meP99DuringMs,
    requestsDuring: during.length,
    ratio: Number(ratio.toFixed(2)),
    within2x: ratio <= 2,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  for (const figures of await measureAward(kind, Number(process.argv[3] ?? 3), process.env.AWARD_PROBE)) {
    console.log(JSON.stringify(figures));
  }
  agent.destroy();
}
