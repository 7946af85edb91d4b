import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { type IdpMetadata, MetadataProblem, metadataConfig, readIdpMetadata } from './saml-metadata.js';
import { metadataView } from './saml-view.js';
import { deleteConnection, findConnection, insertConnection, updateConnection } from './sso.repository.js';
import type { ReadSamlMetadataBody, SamlMetadataView, SaveSamlBody, SsoSettingsView } from './sso.schema.js';
import { getSsoSettings, refuseOtherProtocol } from './sso-settings.service.js';

/*
 * An owner sets up SAML 2.0: the identity provider's metadata by URL (fetched through the address guard) or by
 * upload, what was read shown back; our service provider's entity id, ACS URL and metadata URL to give the
 * provider. One protocol at a time: OIDC must be removed before SAML is saved (and the other way round).
 */

async function readMetadata(ctx: AppContext, input: ReadSamlMetadataBody): Promise<IdpMetadata> {
  try {
    return await readIdpMetadata(ctx, input);
  } catch (err) {
    if (err instanceof MetadataProblem) {
      throw validationError({ [err.field]: err.message }, 'The identity provider metadata could not be used.');
    }
    throw err;
  }
}

/** Reads the provider's metadata (URL or XML) and shows what was found, saving nothing. */
export async function previewSamlMetadata(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: ReadSamlMetadataBody,
): Promise<SamlMetadataView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  return metadataView(await readMetadata(ctx, input));
}

/**
 * Saves the SAML connection from the provider's metadata (read again on every save, so a rotated certificate
 * is taken by saving once more).
 */
export async function saveSamlConnection(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: SaveSamlBody & { defaultRole: 'member' | 'admin'; requireSso: boolean },
): Promise<SsoSettingsView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  const metadata = await readMetadata(ctx, input);
  await inTransaction(ctx, async (tx) => {
    await refuseOtherProtocol(tx.db, orgId, 'oidc');
    const existing = await findConnection(tx.db, orgId, 'saml');
    const config = metadataConfig(metadata, input.metadataXml ? null : (input.metadataUrl ?? null));
    const values = { config, defaultRole: input.defaultRole, requireSso: input.requireSso };
    if (existing) await updateConnection(tx.db, existing.id, values);
    else await insertConnection(tx.db, { id: randomUUID(), organizationId: orgId, protocol: 'saml', ...values });
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.configured',
      target: { kind: 'sso_connection', name: 'SAML 2.0' },
      details: {
        entityId: metadata.entityId,
        ssoUrl: metadata.ssoUrl,
        certificates: metadata.certificates.length,
        defaultRole: input.defaultRole,
        requireSso: input.requireSso,
        ...(existing && existing.requireSso !== input.requireSso && { requireSsoBefore: existing.requireSso }),
      },
    });
  });
  return getSsoSettings(ctx, actor, orgId);
}

/** Removes the SAML connection: people of the organisation sign in with passwords again. */
export async function removeSamlConnection(ctx: AppContext, actor: Actor, orgId: string): Promise<void> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  await inTransaction(ctx, async (tx) => {
    const existing = await findConnection(tx.db, orgId, 'saml');
    if (!existing) throw notFound('SAML single sign-on');
    await deleteConnection(tx.db, existing.id);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.removed',
      target: { kind: 'sso_connection', name: 'SAML 2.0' },
      details: { entityId: existing.config.entityId ?? null },
    });
  });
}
