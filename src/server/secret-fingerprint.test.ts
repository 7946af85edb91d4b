import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { authSecretFingerprint } from '../db/schema/index.js';
import { openTestDatabase } from '../test/database.js';
import { AuthSecretMismatchError, agreeOnAuthSecret, fingerprintOf } from './secret-fingerprint.js';

// A database of this file's own on PostgreSQL: the fingerprint is one row per database.
const database = await openTestDatabase({ own: true });
afterAll(() => database.close());

const SECRET_A = 'first-secret-that-is-long-enough-0123456789';
const SECRET_B = 'second-secret-that-is-long-enough-987654321';
const configWith = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', WAYMARK_DATA_DIR: '/srv/waymark', ...env });

describe('one session-signing secret for every instance', () => {
  it('records the first secret, accepts it again, refuses another naming AUTH_SECRET, and changes it on purpose', async () => {
    await database.db.delete(authSecretFingerprint);
    const a = configWith({ AUTH_SECRET: SECRET_A });
    expect(await agreeOnAuthSecret(database.db, a, SECRET_A)).toBe('recorded');
    expect(await agreeOnAuthSecret(database.db, a, SECRET_A)).toBe('matched');

    const b = configWith({ AUTH_SECRET: SECRET_B });
    const refused = agreeOnAuthSecret(database.db, b, SECRET_B);
    await expect(refused).rejects.toBeInstanceOf(AuthSecretMismatchError);
    await expect(refused).rejects.toThrow(/AUTH_SECRET differs from the secret that the other instances/);
    await expect(refused).rejects.toThrow(/AUTH_SECRET_ROTATE=true/);

    const rotating = configWith({ AUTH_SECRET: SECRET_B, AUTH_SECRET_ROTATE: 'true' });
    expect(await agreeOnAuthSecret(database.db, rotating, SECRET_B)).toBe('rotated');
    expect(await agreeOnAuthSecret(database.db, b, SECRET_B)).toBe('matched');
    await expect(agreeOnAuthSecret(database.db, a, SECRET_A)).rejects.toBeInstanceOf(AuthSecretMismatchError);
  });

  it('tells an instance without AUTH_SECRET that its own generated secret is the difference', async () => {
    await database.db.delete(authSecretFingerprint);
    await agreeOnAuthSecret(database.db, configWith({ AUTH_SECRET: SECRET_A }), SECRET_A);
    const generated = agreeOnAuthSecret(database.db, configWith({}), 'generated-in-its-own-data-directory-000000');
    await expect(generated).rejects.toThrow(/AUTH_SECRET is not set, so this instance made its own secret/);
    await expect(generated).rejects.toThrow('/srv/waymark/auth-secret');
  });

  it('keeps a fingerprint that reveals nothing of the secret', async () => {
    await database.db.delete(authSecretFingerprint);
    await agreeOnAuthSecret(database.db, configWith({ AUTH_SECRET: SECRET_A }), SECRET_A);
    const [row] = await database.db.select().from(authSecretFingerprint);
    expect(row?.fingerprint).toBe(fingerprintOf(SECRET_A));
    expect(row?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.fingerprint).not.toContain(SECRET_A);
    expect(fingerprintOf(SECRET_B)).not.toBe(fingerprintOf(SECRET_A));
  });

  it('refuses AUTH_SECRET_ROTATE without a secret to record', () => {
    expect(() => configWith({ AUTH_SECRET_ROTATE: 'true' })).toThrow(/AUTH_SECRET_ROTATE/);
  });
});
