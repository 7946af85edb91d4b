import { type SecretCipher, secretCipher } from '../../server/sealed-secret.js';

/*
 * Issuers' secret keys are kept encrypted at rest with AES-256-GCM. The key comes from BADGE_KEY_SECRET when the
 * operator gives one, else from AUTH_SECRET; either way through HKDF-SHA-256 with a purpose of its own, so the
 * key that encrypts signing keys is never the secret that signs sessions.
 */

export type KeyCipher = SecretCipher;

export function keyCipher(secret: string): KeyCipher {
  return secretCipher(secret, {
    salt: 'waymark-badges',
    info: 'waymark badge issuer signing keys v1',
    what: 'A badge signing key',
  });
}
