import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import type { AppContext } from '../../server/context.js';
import { issuerOf, revokedIndexes } from './badges.repository.js';
import { type Credential, signCredential } from './credential.js';
import { issuerDid, statusListUrl } from './issuer-identity.js';
import { activeSigningKey, signingKeyPair } from './issuer-keys.js';

/*
 * Revocation is published as a BitstringStatusList credential per organisation: one bit per credential, set when
 * it is revoked. 131,072 bits (16 KB before compression), the size the specification recommends so that one
 * credential's bit hides among many; credentials take random positions in it.
 */

export const STATUS_LIST_LENGTH = 131_072;

/** The organisation's status list credential as it stands now, signed by its active key. */
export async function signedStatusList(ctx: AppContext, orgId: string): Promise<Credential> {
  const list = await createList({ length: STATUS_LIST_LENGTH });
  for (const index of await revokedIndexes(ctx.db, orgId)) list.setStatus(index, true);
  const url = statusListUrl(ctx.config.baseUrl, orgId);
  const unsigned = await createCredential({ id: url, list, statusPurpose: 'revocation' });
  const issuer = await issuerOf(ctx.db, orgId);
  const key = await activeSigningKey(ctx, orgId);
  const credential = {
    ...unsigned,
    issuer: { id: issuerDid(ctx.config.baseUrl, orgId), name: issuer.name },
    validFrom: `${new Date().toISOString().slice(0, 19)}Z`,
  };
  return signCredential(await signingKeyPair(ctx, key), credential);
}
