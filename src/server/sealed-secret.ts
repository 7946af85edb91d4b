import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Secrets kept at rest (badge issuers' signing keys, SSO client secrets) are sealed with AES-256-GCM. The key
 * comes from a server secret through HKDF-SHA-256 with a purpose of each caller's own (`salt`, `info`), so the
 * key that seals one kind of secret is neither the secret that signs sessions nor the key of another kind.
 */

export type SecretCipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

/** A cipher for one purpose; `what` names the sealed thing in the error a malformed value raises. */
export function secretCipher(secret: string, purpose: { salt: string; info: string; what: string }): SecretCipher {
  const key = Buffer.from(hkdfSync('sha256', secret, purpose.salt, purpose.info, 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    decrypt(sealed) {
      const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
      if (!iv || !tag || !body) throw new Error(`${purpose.what} is stored in an unknown form.`);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
