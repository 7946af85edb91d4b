import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { eq } from 'drizzle-orm';
import { badgeIssuer } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { issuerOf, revokedIndexes } from './badges.repository.js';
import { type Credential, signCredential } from './credential.js';
import { issuerDid, statusListUrl } from './issuer-identity.js';
import { activeSigningKey, signingKeyPair } from './issuer-keys.js';

/*
 * Revocation is published as a BitstringStatusList credential per organisation: one bit per credential, set when
 * it is revoked. 131,072 bits (16 KB before compression), the size the specification recommends so that one
 * credential's bit hides among many; credentials take random positions in it. It is signed when it changes (a
 * revocation) and kept in the database: serving it, and every verification that reads it, costs no signature.
 */

export const STATUS_LIST_LENGTH = 131_072;

/** Signs the organisation's status list as it stands now and keeps it as the published one. */
export async function publishStatusList(ctx: AppContext, orgId: string): Promise<Credential> {
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
  const signed = await signCredential(await signingKeyPair(ctx, key), credential);
  await ctx.db
    .update(badgeIssuer)
    .set({ statusList: JSON.stringify(signed) })
    .where(eq(badgeIssuer.organizationId, orgId));
  return signed;
}

/** The organisation's published status list credential (published now if it never was). */
export async function signedStatusList(ctx: AppContext, orgId: string): Promise<Credential> {
  const issuer = await issuerOf(ctx.db, orgId);
  return issuer.statusList ? (JSON.parse(issuer.statusList) as Credential) : publishStatusList(ctx, orgId);
}
