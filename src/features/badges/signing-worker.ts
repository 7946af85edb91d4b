import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { type Credential, signBadgeCredential } from './credential.js';

/*
 * Runs in a child process (signing-pool.ts): signing a badge credential is about 6 ms of CPU (canonicalising its
 * JSON-LD, then Ed25519), so a thousand awards at once kept the server's one thread busy for six seconds.
 */

/*
 * The signer gives way to the server. On Linux the whole process is put in the idle scheduling class (`chrt
 * --idle` on all its threads): it then runs only on a core that nothing else wants, and a request's wake-up
 * preempts it at once. Where chrt is missing or refused, every thread is niced to 19 instead (a nice value
 * belongs to a thread on Linux, so each is lowered by its id, again before each task for threads started since).
 * Measured on 2 cores, `/api/me` p99 during a 1,000 award: 7.1 ms with the signer at the server's priority
 * (1.7 ms idle); 5.4–5.9 ms with a niced worker thread, whose garbage collection ran at the server's priority on
 * V8's shared helper threads; 3.5–4.2 ms (2.5–3.7 ms idle) with this process idle-class and collecting garbage
 * on one thread (signing-pool.ts). Only in the signing process that tinypool started: imported anywhere else,
 * this would lower the importer.
 */
const inSigningProcess = (process as { __tinypool_state__?: { isChildProcess?: boolean } }).__tinypool_state__
  ?.isChildProcess;

function idleClass(): boolean {
  try {
    execFileSync('chrt', ['--all-tasks', '--idle', '--pid', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function niceEveryThread(): void {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    threads = ['0']; // no /proc: the calling thread, which signs
  }
  for (const thread of threads) {
    try {
      os.setPriority(Number(thread), 19);
    } catch {
      // Not allowed here: this thread runs at the server's priority.
    }
  }
}

// Threads started later inherit the idle class from the thread that starts them; a nice value they do not.
const idle = inSigningProcess && idleClass();
function giveWayToTheServer(): void {
  if (inSigningProcess && !idle) niceEveryThread();
}
giveWayToTheServer();

/** The issuer's key as a Multikey document, its secret key decrypted by the caller (in memory only). */
export type SigningKey = {
  '@context': string;
  type: 'Multikey';
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
};

export interface SigningTask {
  key?: SigningKey;
  credentials: Credential[];
  /** ISO time of the proofs. */
  at: string;
}

/**
 * Signs each credential with the key, in order, and answers them as JSON text: what the award stores, and a
 * string crosses back to the server in one copy where an object graph is rebuilt piece by piece there.
 */
export default async function signBadges({ key, credentials, at }: SigningTask): Promise<string[]> {
  giveWayToTheServer();
  if (credentials.length === 0) return []; // warming up (signing-pool.ts): the libraries above are loaded now
  if (!key) throw new Error('No key to sign with.');
  const keyPair = await Ed25519Multikey.from(key);
  const created = new Date(at);
  const signed: string[] = [];
  for (const credential of credentials) {
    signed.push(JSON.stringify(await signBadgeCredential(keyPair, credential, created)));
  }
  return signed;
}
