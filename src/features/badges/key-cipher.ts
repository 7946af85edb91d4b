import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Issuers' secret keys are kept encrypted at rest with AES-256-GCM. The key comes from BADGE_KEY_SECRET when the
 * operator gives one, else from AUTH_SECRET; either way through HKDF-SHA-256 with a purpose of its own, so the
 * key that encrypts signing keys is never the secret that signs sessions.
 */

const INFO = 'waymark badge issuer signing keys v1';

export type KeyCipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

export function keyCipher(secret: string): KeyCipher {
  const key = Buffer.from(hkdfSync('sha256', secret, 'waymark-badges', INFO, 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    decrypt(sealed) {
      const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
      if (!iv || !tag || !body) throw new Error('A badge signing key is stored in an unknown form.');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
