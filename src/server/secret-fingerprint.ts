import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { authSecretFingerprint } from '../db/schema/index.js';

/*
 * Instances on one database must sign sessions with one secret: a session cookie signed by one instance is
 * checked by whichever instance the load balancer picks next. Each instance compares the fingerprint of its
 * secret with the one recorded in the database at start-up, and refuses to start on a difference rather than
 * sign some people out at random (decision 2026-12-05-shared-state).
 */

/** Fixed text the fingerprint is computed over; the secret is the key, so the row reveals nothing of it. */
const FINGERPRINT_LABEL = 'waymark:auth-secret-fingerprint:v1';

/** HMAC-SHA256 of a fixed label keyed by the secret: equal for equal secrets, and no way back to the secret. */
export function fingerprintOf(secret: string): string {
  return createHmac('sha256', secret).update(FINGERPRINT_LABEL).digest('hex');
}

export class AuthSecretMismatchError extends Error {}

export type SecretAgreement = 'recorded' | 'matched' | 'rotated';

/**
 * Makes sure this instance signs with the secret of every other instance on the database: records the
 * fingerprint on the first start, accepts an equal one, and with AUTH_SECRET_ROTATE records this one instead.
 * Throws AuthSecretMismatchError, with what to do, when the secret differs.
 */
export async function agreeOnAuthSecret(db: Database, config: Config, secret: string): Promise<SecretAgreement> {
  const fingerprint = fingerprintOf(secret);
  if (config.AUTH_SECRET_ROTATE) {
    await db
      .insert(authSecretFingerprint)
      .values({ fingerprint })
      .onConflictDoUpdate({ target: authSecretFingerprint.id, set: { fingerprint, recordedAt: new Date() } });
    return 'rotated';
  }
  // Instances starting at once on a new database: one insert wins, the others compare with it.
  const recorded = await db.insert(authSecretFingerprint).values({ fingerprint }).onConflictDoNothing().returning();
  if (recorded.length > 0) return 'recorded';
  const [current] = await db.select().from(authSecretFingerprint);
  if (current?.fingerprint === fingerprint) return 'matched';
  throw new AuthSecretMismatchError(mismatchMessage(config, current?.recordedAt));
}

function mismatchMessage(config: Config, recordedAt: Date | undefined): string {
  const since = recordedAt ? ` (recorded ${recordedAt.toISOString()})` : '';
  const which = config.AUTH_SECRET
    ? 'AUTH_SECRET differs from the secret'
    : `AUTH_SECRET is not set, so this instance made its own secret (${path.join(config.dataDir, 'auth-secret')}), which differs from the one`;
  return [
    `Waymark will not start: ${which} that the other instances on this database sign sessions with${since}.`,
    'Every instance on one database needs the same AUTH_SECRET: set it to the value the others use.',
    'To change the secret on purpose, start one instance with the new AUTH_SECRET and AUTH_SECRET_ROTATE=true',
    '(everyone signed in is signed out), remove AUTH_SECRET_ROTATE, and restart the others with the new AUTH_SECRET.',
  ].join('\n');
}
