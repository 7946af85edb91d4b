import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The balancer's configuration the operator's guide (docs/deploying.md) gives: the tests run this very file. */
export const HAPROXY_CONFIG = path.join(root, 'deploy/haproxy.cfg');
export const HAPROXY = '/usr/sbin/haproxy';

/** Fails at once, saying how to install it, when HAProxy is not on this machine. */
export function requireHaproxy() {
  if (!fs.existsSync(HAPROXY)) {
    throw new Error(
      `HAProxy is needed for the multi-instance tests and ${HAPROXY} is missing: apt-get install -y haproxy`,
    );
  }
}

/** One server of the `waymark` backend as the admin socket's `show stat` reports it. */
export interface ServerStat {
  name: string;
  /** UP, DOWN, MAINT, "UP 1/2" while rising, ... */
  status: string;
  /** Requests sent to it so far (retries included). */
  sessions: number;
  /** Requests HAProxy tried again elsewhere after this server refused or answered 503. */
  retries: number;
  redispatches: number;
}

/** One command on HAProxy's admin socket, answered as text. */
function adminCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.createConnection(socket);
    let answer = '';
    connection.on('connect', () => connection.end(`${command}\n`));
    connection.on('data', (chunk) => {
      answer += chunk;
    });
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
  });
}

/**
 * HAProxy with the committed configuration in front of three instances: `listen` is the balancer's port,
 * `instances` the instances' ports, in the order of waymark1..3.
 */
export async function startHaproxy(options: { listen: number; instances: number[]; dir: string }) {
  requireHaproxy();
  const socket = path.join(options.dir, 'haproxy.sock');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    WAYMARK_LISTEN: `127.0.0.1:${options.listen}`,
    HAPROXY_ADMIN_SOCKET: socket,
  };
  options.instances.forEach((port, i) => {
    env[`WAYMARK_${i + 1}`] = `127.0.0.1:${port}`;
  });
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', HAPROXY_CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));

  const stats = async (): Promise<ServerStat[]> => {
    const [header, ...rows] = (await adminCommand(socket, 'show stat')).trim().split('\n');
    const columns = (header ?? '').replace(/^# /, '').split(',');
    const at = (name: string) => columns.indexOf(name);
    return rows
      .map((row) => row.split(','))
      .filter((cells) => cells[at('pxname')] === 'waymark' && /^waymark\d$/.test(cells[at('svname')] ?? ''))
      .map((cells) => ({
        name: cells[at('svname')] as string,
        status: cells[at('status')] as string,
        sessions: Number(cells[at('stot')]),
        retries: Number(cells[at('wretr')]),
        redispatches: Number(cells[at('wredis')]),
      }));
  };

  /** Waits until HAProxy sends requests to these servers (all by default): their health checks pass. */
  const waitUntilUp = async (names?: string[], withinMs = 30_000) => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`HAProxy exited:\n${output}`);
      const servers = await stats().catch(() => []);
      const wanted = servers.filter((s) => !names || names.includes(s.name));
      if (wanted.length > 0 && wanted.every((s) => s.status === 'UP')) return;
      if (Date.now() > deadline) throw new Error(`HAProxy did not see ${names ?? 'every server'} up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  await waitUntilUp(undefined, 15_000);
  return {
    url: `http://127.0.0.1:${options.listen}`,
    stats,
    waitUntilUp,
    /** `disable server` / `enable server` on the admin socket: maintenance mode, no requests sent. */
    setMaintenance: (name: string, on: boolean) =>
      adminCommand(socket, `${on ? 'disable' : 'enable'} server waymark/${name}`),
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export type Haproxy = Awaited<ReturnType<typeof startHaproxy>>;
