import { randomUUID } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { activeKey, type IssuerKeyRow, insertKey, issuerKeys, retireKey } from './badges.repository.js';
import { didDocument, issuerDid } from './issuer-identity.js';
import { keyCipher } from './key-cipher.js';
import type { SigningKey } from './signing-worker.js';

/*
 * The issuer's Ed25519 key pairs: made on first need, the secret key encrypted at rest, rotatable. A retired key
 * is never deleted: its public key stays in the DID document, so what it signed still verifies.
 */

const cipherOf = (ctx: AppContext) => keyCipher(ctx.config.BADGE_KEY_SECRET ?? ctx.authSecret);

async function makeKey(ctx: AppContext, orgId: string, fragment: string): Promise<IssuerKeyRow> {
  const did = issuerDid(ctx.config.baseUrl, orgId);
  const pair = await Ed25519Multikey.generate({ id: `${did}#${fragment}`, controller: did });
  const row = {
    id: randomUUID(),
    organizationId: orgId,
    fragment,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyEncrypted: cipherOf(ctx).encrypt(pair.secretKeyMultibase as string),
    active: true,
    createdAt: new Date(),
    retiredAt: null,
  };
  await insertKey(ctx.db, row);
  return row;
}

/**
 * The organisation's active signing key, made now if it has none. Two requests making the first key at once:
 * the unique index on the active key lets one win, and the other reads the winner's.
 */
export async function activeSigningKey(ctx: AppContext, orgId: string): Promise<IssuerKeyRow> {
  const found = await activeKey(ctx.db, orgId);
  if (found) return found;
  try {
    return await ctx.db.transaction(async (tx) => makeKey({ ...ctx, db: tx }, orgId, 'key-1'));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await activeKey(ctx.db, orgId)) as IssuerKeyRow;
  }
}

/** Retires the active key (kept and still published) and makes the next one, which signs from now on. */
export async function rotateSigningKey(ctx: AppContext, orgId: string): Promise<IssuerKeyRow> {
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const keys = await issuerKeys(db, orgId);
    const current = keys.find((k) => k.active);
    if (current) await retireKey(db, current.id);
    return makeKey(tx, orgId, `key-${keys.length + 1}`);
  });
}

/** The key that signs as a Multikey document, its secret key decrypted (only in memory, only while signing). */
export function signingKeyDocument(ctx: AppContext, key: IssuerKeyRow): SigningKey {
  const did = issuerDid(ctx.config.baseUrl, key.organizationId);
  return {
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: `${did}#${key.fragment}`,
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: cipherOf(ctx).decrypt(key.secretKeyEncrypted),
  };
}

/** The key pair that signs, its secret key decrypted (only in memory, only while signing). */
export async function signingKeyPair(ctx: AppContext, key: IssuerKeyRow) {
  return Ed25519Multikey.from(signingKeyDocument(ctx, key));
}

/** The organisation's DID document, with every key it has signed with; undefined before it has any. */
export async function publishedDidDocument(ctx: AppContext, orgId: string) {
  const keys = await issuerKeys(ctx.db, orgId);
  if (keys.length === 0) return undefined;
  return didDocument(issuerDid(ctx.config.baseUrl, orgId), keys);
}
