import type { AppContext } from '../../server/context.js';
import { NAMEID_EMAIL, samlPaths, serviceProviderOf } from './saml-client.js';
import { type IdpMetadata, idpOf, summariseCertificate } from './saml-metadata.js';
import type { ConnectionRow } from './sso.repository.js';
import type { SamlMetadataView, SsoSettingsView } from './sso.schema.js';

/* What owners see of a SAML connection: what was read from the provider, and what to give the provider. */

export const metadataView = (m: IdpMetadata): SamlMetadataView => ({
  entityId: m.entityId,
  ssoUrl: m.ssoUrl,
  ssoBinding: m.ssoBinding,
  certificates: m.certificates.map(summariseCertificate),
});

/** The SAML connection as its owners see it, with what to enter at the provider. */
export function samlView(ctx: AppContext, c: ConnectionRow | undefined): SsoSettingsView['saml'] {
  if (!c) return null;
  const sp = serviceProviderOf(ctx.config.baseUrl, c.id);
  return {
    ...metadataView(idpOf(c.config)),
    metadataUrl: c.config.metadataUrl ?? null,
    defaultRole: c.defaultRole === 'admin' ? 'admin' : 'member',
    requireSso: c.requireSso,
    updatedAt: c.updatedAt.toISOString(),
    serviceProvider: {
      entityId: sp.entityId,
      acsUrl: sp.acsUrl,
      metadataUrl: `${ctx.config.baseUrl}${samlPaths(c.id).metadata}`,
      nameIdFormat: NAMEID_EMAIL,
    },
  };
}
