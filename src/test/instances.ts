import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { session } from '../db/schema/index.js';
import { SESSION_COOKIE_PREFIX } from '../features/auth/auth.js';
import { CHANGES_APPLICATION_NAME } from '../server/change-feed.js';
import { type Haproxy, requireHaproxy, startHaproxy } from './haproxy.js';
import { type BrowserClient, browserClient } from './instance-client.js';
import { createOwnPostgresDatabase } from './own-postgres.js';
import { freePort, startWaymark, type WaymarkProcess } from './server-process.js';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox.js';

/*
 * Waymark as an operator runs it on several machines (docs/deploying.md): three real server processes
 * (src/server/main.ts) on one PostgreSQL database of their own, with one AUTH_SECRET, one BASE_URL (the
 * balancer's address), TRUST_PROXY, a real SMTP server and the job queue on in each, and HAProxy in front
 * with the committed deploy/haproxy.cfg. Each instance has its own data directory, as separate machines
 * would: nothing may be shared through a local disk.
 */

const AUTH_SECRET = 'instances-test-secret-that-is-long-enough-0123456789';

export interface Instance {
  /** waymark1..3, as HAProxy names it. */
  name: string;
  url: string;
  port: number;
  process: WaymarkProcess;
}

/**
 * Local TCP ports of a process's sockets (Linux /proc): PostgreSQL shows the same numbers as `client_port`
 * in pg_stat_activity, which tells one instance's connections from another's whatever they are named.
 */
function localPortsOf(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (socket) inodes.add(socket);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['tcp', 'tcp6']) {
    for (const line of fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const cells = line.trim().split(/\s+/);
      if (cells.length > 9 && inodes.has(cells[9] as string)) {
        ports.add(Number.parseInt((cells[1] as string).split(':')[1] as string, 16));
      }
    }
  }
  return ports;
}

export async function startInstances(runUrl: string) {
  requireHaproxy();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-instances-'));
  const database = await createOwnPostgresDatabase(runUrl);
  const inbox: SmtpInbox = await startSmtpInbox();
  const admin = new pg.Client({ connectionString: database.url, application_name: 'instances-test' });
  await admin.connect();
  // For set-up rows made by the test factories (hundreds of organisations in a second, not minutes of requests).
  const handle: DatabaseHandle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 });
  const balancerPort = await freePort();
  const baseUrl = `http://127.0.0.1:${balancerPort}`;
  const env = (name: string): Record<string, string> => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    AUTH_SECRET,
    BASE_URL: baseUrl,
    TRUST_PROXY: 'true',
    SMTP_URL: inbox.url,
    MAIL_FROM: 'Waymark <no-reply@waymark.test>',
    JOBS: 'true',
    // Out of HAProxy's rotation (two failed checks, 1.25 s at most) before the listener closes.
    SHUTDOWN_DELAY_MS: '2000',
    WAYMARK_DATA_DIR: path.join(dir, name),
  });

  const start = async (name: string, port: number): Promise<Instance> => {
    const server = await startWaymark({ ...env(name), PORT: String(port) });
    return { name, port, url: server.url, process: server };
  };
  const ports = [await freePort(), await freePort(), await freePort()];
  // Started together, as a deployment does: migrations take an advisory lock, one instance applies them.
  const instances = await Promise.all(ports.map((port, i) => start(`waymark${i + 1}`, port)));
  let balancer: Haproxy;
  try {
    balancer = await startHaproxy({ listen: balancerPort, instances: ports, dir });
  } catch (err) {
    await Promise.all(instances.map((i) => i.process.kill()));
    throw err;
  }
  const client: BrowserClient = browserClient(baseUrl, inbox);

  return {
    baseUrl,
    balancer,
    instances,
    inbox,
    client,
    database,
    /** Drizzle on the instances' database, for the factories (src/test/factories.ts). */
    db: handle.db,
    /** A connection of the test's own to the instances' database, for what an operator would look at. */
    admin,
    AUTH_SECRET,

    /**
     * `count` sessions of one person, made in the database with cookies signed as better-auth signs them (as
     * `sessionFor` in src/test/app.ts): hundreds of sign-ins would spend minutes hashing passwords on a busy
     * 2-core machine. Each request checks such a session's row like any other (no cookie cache).
     */
    async sessionsFor(userId: string, count: number): Promise<string[]> {
      const expiresAt = new Date(Date.now() + 24 * 3600_000);
      const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
      await handle.db.insert(session).values(tokens.map((token) => ({ id: randomUUID(), token, userId, expiresAt })));
      return tokens.map((token) => {
        const signature = createHmac('sha256', AUTH_SECRET).update(token).digest('base64');
        return `${SESSION_COOKIE_PREFIX}.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
      });
    },

    /** Another process with the shared settings and these changes (a fourth instance, a wrong secret, ...). */
    startExtra: (extra: Record<string, string>) => startWaymark({ ...env('extra'), ...extra }),

    /**
     * A rolling restart's step: SIGTERM (the instance drains: in-flight requests finish, new ones are
     * refused), then the same instance started again on its port, and back in the balancer's rotation.
     */
    async restart(index: number) {
      const old = instances[index] as Instance;
      const signalledAt = Date.now();
      old.process.child.kill('SIGTERM');
      const exit = await old.process.exited;
      const stoppedAt = Date.now();
      instances[index] = await start(old.name, old.port);
      await balancer.waitUntilUp([old.name]);
      return { exit, drainMs: stoppedAt - signalledAt, backInMs: Date.now() - stoppedAt };
    },

    /** Backend pids of the change feed's listening connection of one instance (none while it reconnects). */
    async changeListenerPids(instance: Instance): Promise<number[]> {
      const { rows } = await admin.query(
        `select pid from pg_stat_activity
         where datname = $1 and application_name = $2 and client_port = any($3::int[])`,
        [database.name, CHANGES_APPLICATION_NAME, [...localPortsOf(instance.process.pid)]],
      );
      return rows.map((r) => r.pid as number);
    },

    /** Ends an instance's listening connection from the database side, as a failover or an admin would. */
    async killChangeListener(instance: Instance): Promise<number> {
      const pids = await this.changeListenerPids(instance);
      if (pids.length === 0) return 0;
      const { rows } = await admin.query('select pg_terminate_backend(pid) as ok from unnest($1::int[]) as pid', [
        pids,
      ]);
      return rows.filter((r) => r.ok).length;
    },

    /** The output of every instance, for a failing test to show. */
    output: () =>
      instances.map((i) => `--- ${i.name}\n${i.process.output().slice(-3000)}`).join('\n') +
      `\n--- haproxy\n${balancer.output().slice(-3000)}`,

    async close() {
      await Promise.all(instances.map((i) => i.process.kill()));
      await balancer.stop();
      await admin.end();
      await handle.close();
      await inbox.close();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Instances = Awaited<ReturnType<typeof startInstances>>;
