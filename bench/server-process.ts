import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FloorFigures } from './mix-floor.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

export interface BenchServer {
  appUrl: string;
  bareUrl: string;
  pid: number;
  /** Runs a named data fixture inside the server process, on its own database (see bench/server.ts). */
  seed(fixture: 'feed' | 'mix', args: { organizationId: string; memberId?: string }): Promise<void>;
  /** The mix's SQL floor, run inside the server process on its database (bench/mix-floor.ts). */
  floor(args: {
    organizationId: string;
    concurrency: number;
    durationMs: number;
    readAfterWrite?: boolean;
  }): Promise<FloorFigures>;
  /** Starts measuring the event loop's delay afresh / reads it since then. */
  resetLoopDelay(): Promise<void>;
  loopDelay(): Promise<{ p99Ms: number; maxMs: number }>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Whatever happens to the bench (error, Ctrl-C), no server is left behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });
}

/** Starts bench/server.ts in its own Node process and waits for the line with its two addresses. */
export function startServer(opts: {
  kind: 'pglite' | 'postgres';
  databaseUrl: string;
  nodeOptions?: string;
}): Promise<BenchServer> {
  const extra = opts.nodeOptions?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', path.join(benchDir, 'server.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_DB_KIND: opts.kind, BENCH_DATABASE_URL: opts.databaseUrl, NODE_ENV: 'production' },
    // stdin is a pipe the child watches: if this process dies, the child sees it close and stops.
    // An IPC channel too: the bench asks the server to load fixtures into its database (PGlite lives there).
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  running.add(child);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };

  // One question over IPC, matched to its answer by id.
  let asked = 0;
  const ask = <T>(message: Record<string, unknown>, pick: (answer: Record<string, unknown>) => T): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++asked;
      const onMessage = (answer: Record<string, unknown>) => {
        if (answer.id !== id) return;
        child.off('message', onMessage);
        if (answer.error) reject(new Error(`${JSON.stringify(message)}: ${answer.error}`));
        else resolve(pick(answer));
      };
      child.on('message', onMessage);
      child.send({ id, ...message });
    });
  const seed: BenchServer['seed'] = (fixture, args) => ask({ seed: fixture, ...args }, () => undefined);
  const floor: BenchServer['floor'] = (args) => ask({ floor: args }, (a) => a.floor as FloorFigures);
  const resetLoopDelay = () => ask({ loop: 'reset' }, () => undefined);
  const loopDelay = () => ask({ loop: 'read' }, (a) => a.loop as { p99Ms: number; maxMs: number });

  return new Promise((resolve, reject) => {
    let buffer = '';
    const timeout = setTimeout(() => {
      void stop();
      reject(new Error('the bench server did not start within 60 s'));
    }, 60_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (!line.startsWith('{"bench"')) {
          process.stdout.write(`[server] ${line}\n`);
          continue;
        }
        const { bench } = JSON.parse(line) as { bench: { app: string; bare: string; pid: number } };
        clearTimeout(timeout);
        resolve({
          appUrl: bench.app,
          bareUrl: bench.bare,
          pid: bench.pid,
          seed,
          floor,
          resetLoopDelay,
          loopDelay,
          stop,
        });
      }
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      clearTimeout(timeout);
      reject(new Error(`the bench server exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}
