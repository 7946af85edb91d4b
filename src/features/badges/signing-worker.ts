import os from 'node:os';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { type Credential, signBadgeCredential } from './credential.js';

/*
 * Runs in a worker thread (signing-pool.ts): signing a badge credential is about 6 ms of CPU (canonicalising its
 * JSON-LD, then Ed25519), so a thousand awards at once kept the server's one thread busy for six seconds.
 */

/*
 * This thread gives way to the server's: on Linux a thread's nice value is its own (setpriority on the calling
 * thread), so the signer runs at the lowest priority while the server's thread and the database keep theirs.
 * On two cores, signing at the same priority made `/api/me` wait for a core (p99 1.7 ms idle, 7.1 ms during
 * 1,000 awards); an award is background work that may take a little longer. Where a system refuses, nothing
 * changes.
 */
try {
  os.setPriority(19);
} catch {
  // Not allowed here: the thread signs at the server's priority.
}

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
 * string crosses back to the server's thread in one copy where an object graph is cloned piece by piece there.
 */
export default async function signBadges({ key, credentials, at }: SigningTask): Promise<string[]> {
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
