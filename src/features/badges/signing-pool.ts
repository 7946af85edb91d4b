import os from 'node:os';
import { Tinypool } from 'tinypool';
import type { Credential } from './credential.js';
import type { SigningKey, SigningTask } from './signing-worker.js';

/*
 * Badge credentials are signed in child processes (tinypool's child_process runtime), so awarding a cohort does
 * not hold up everyone else's requests: measured on 2 cores, awarding 1,000 on the server's own thread made
 * `/api/me`'s p99 5.9 times longer. Processes rather than worker threads because a signer must give way to the
 * server, and only a process can lower the priority of all its threads: a worker thread shares the process's
 * garbage-collection helpers, which then ran at the server's priority (decision
 * 2026-12-06-signing-in-an-idle-process). At most one process fewer than the machine has cores, none while
 * nobody is awarding (they start on demand and stop after a minute idle). Run from source (tests,
 * `npm run dev`), the signer is the TypeScript module loaded through tsx; compiled (`npm start`), it is
 * dist/server/badge-signer.mjs, built beside the server by scripts/build-if-changed.mjs.
 */

/**
 * Credentials per task: few enough that each answer arriving is a short piece of work for the server's thread,
 * and that a second process (on a bigger machine) shares a large award.
 */
export const SIGNING_SLICE = 25;
const PER_TASK = SIGNING_SLICE;

let pool: Tinypool | undefined;

function signers(): Tinypool {
  if (!pool) {
    const fromSource = import.meta.url.endsWith('.ts');
    pool = new Tinypool({
      runtime: 'child_process',
      // tinypool's child otherwise starts with no environment (not even PATH)
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
      filename: new URL(fromSource ? './signing-worker.ts' : './badge-signer.mjs', import.meta.url).href,
      // Garbage collected on the signing thread alone: V8's helper threads would otherwise take the other core
      // from the server (measured: 1.6 s of helper time during a 1,000 award on 2 cores).
      execArgv: ['--single-threaded-gc', ...(fromSource ? ['--import', 'tsx'] : [])],
      minThreads: 0,
      maxThreads: Math.max(1, os.availableParallelism() - 1),
      idleTimeout: 60_000,
    });
  }
  return pool;
}

/**
 * Signs the credentials with the key away from the server's thread, in slices of `PER_TASK`: answers each
 * slice's credentials signed as JSON, in order, as its own promise, so the caller can store the first slices
 * while the later ones are still being signed.
 */
export function signAway(key: SigningKey, credentials: Credential[], at: Date): Promise<string[]>[] {
  const tasks: Promise<string[]>[] = [];
  for (let i = 0; i < credentials.length; i += PER_TASK) {
    const task: SigningTask = { key, credentials: credentials.slice(i, i + PER_TASK), at: at.toISOString() };
    const signed: Promise<string[]> = signers().run(task);
    // Marked as handled: if an earlier slice fails, the caller stops awaiting, and a later slice's failure
    // must not then end the process as an unhandled rejection. Awaiting a slice still throws its error.
    signed.catch(() => {});
    tasks.push(signed);
  }
  return tasks;
}

/**
 * Starts a signing process now rather than at the first award. Tests that award call it before they begin: a
 * process loading the JSON-LD and signature libraries through tsx takes seconds on a busy two-core machine.
 */
export async function warmSigners(): Promise<void> {
  await signers().run({ credentials: [], at: new Date().toISOString() });
}

/** Stops the signing processes (the app closing). */
export async function closeSigners(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
