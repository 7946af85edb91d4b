import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WaymarkProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote, for a failing test to show. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)),
  );
  await new Promise((r) => probe.close(r));
  return port;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The real server (`src/server/main.ts`: config, database, migrations, listen, signals) in a process of its
 * own, as a supervisor starts it, so a test can kill -9 it. Resolves once /api/ready answers 200.
 * `env.PORT` keeps a port across restarts (an instance behind a balancer comes back where it was).
 */
export async function startWaymark(env: Record<string, string>, readyWithinMs = 90_000): Promise<WaymarkProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: 'fault-test-secret-that-is-long-enough-0123456789',
      JOBS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const process_: WaymarkProcess = {
    url,
    pid: child.pid as number,
    child,
    output: () => output,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + readyWithinMs;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${url}/api/ready`)).status === 200) return process_;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (gone) throw new WaymarkExitedError(await exited, output);
  await process_.kill();
  throw new Error(`Waymark did not become ready (timed out):\n${output}`);
}

/** The server ended before it was ready (a start-up check refused it): how it exited and what it said. */
export class WaymarkExitedError extends Error {
  constructor(
    readonly exit: { code: number | null; signal: NodeJS.Signals | null },
    readonly output: string,
  ) {
    super(`Waymark did not become ready (it exited with code ${exit.code}):\n${output}`);
  }
}
