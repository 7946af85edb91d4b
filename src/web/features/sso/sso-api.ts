import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DiscoveryView,
  DomainView,
  ReadSamlMetadataBody,
  SamlMetadataView,
  SaveOidcBody,
  SaveSamlBody,
  SsoSettingsView,
  StartSsoBody,
  StartSsoView,
} from '../../../features/sso/sso.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { DiscoveryView, DomainView, SamlMetadataView, SsoSettingsView };

export const ssoKeys = {
  all: ['sso'] as const,
  settings: (orgId: string) => [...ssoKeys.all, orgId] as const,
};

const ssoPath = (orgId: string) => `/api/orgs/${orgId}/sso`;

export const useSsoSettings = (orgId: string) =>
  useQuery({ queryKey: ssoKeys.settings(orgId), queryFn: () => api<SsoSettingsView>('GET', ssoPath(orgId)) });

/** A change to the set-up: the settings are read again after it. */
function useSsoChange<B, R>(orgId: string, call: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => qc.invalidateQueries({ queryKey: ssoKeys.settings(orgId) }),
  });
}

export const useSaveOidc = (orgId: string) =>
  useSsoChange(orgId, (body: SaveOidcBody) => api<SsoSettingsView>('PUT', `${ssoPath(orgId)}/oidc`, body));

export const useRemoveOidc = (orgId: string) => useSsoChange(orgId, () => api('DELETE', `${ssoPath(orgId)}/oidc`));

export const useSaveSaml = (orgId: string) =>
  useSsoChange(orgId, (body: SaveSamlBody) => api<SsoSettingsView>('PUT', `${ssoPath(orgId)}/saml`, body));

export const useRemoveSaml = (orgId: string) => useSsoChange(orgId, () => api('DELETE', `${ssoPath(orgId)}/saml`));

/** Reads the provider's metadata and says what was found, saving nothing. */
export const useReadSamlMetadata = (orgId: string) =>
  useMutation({
    mutationFn: (body: ReadSamlMetadataBody) => api<SamlMetadataView>('POST', `${ssoPath(orgId)}/saml/metadata`, body),
  });

export const useTestIssuer = (orgId: string) =>
  useMutation({
    mutationFn: (issuer: string) => api<DiscoveryView>('POST', `${ssoPath(orgId)}/oidc/test`, { issuer }),
  });

export const useClaimDomain = (orgId: string) =>
  useSsoChange(orgId, (domain: string) => api<DomainView>('POST', `${ssoPath(orgId)}/domains`, { domain }));

export const useVerifyDomain = (orgId: string) =>
  useSsoChange(orgId, ({ domainId, mailToken }: { domainId: string; mailToken?: string }) =>
    api<DomainView>('POST', `${ssoPath(orgId)}/domains/${domainId}/verify`, mailToken ? { mailToken } : {}),
  );

export const useMailDomain = (orgId: string) =>
  useMutation({
    mutationFn: (domainId: string) =>
      api<{ message: string }>('POST', `${ssoPath(orgId)}/domains/${domainId}/mail`, {}),
  });

export const useRemoveDomain = (orgId: string) =>
  useSsoChange(orgId, (domainId: string) => api('DELETE', `${ssoPath(orgId)}/domains/${domainId}`));

/** "Sign in with your organisation": the browser then leaves for the organisation's provider. */
export const useStartSso = () =>
  useMutation({
    mutationFn: (body: StartSsoBody) => api<StartSsoView>('POST', '/api/sso/start', body),
    onSuccess: (answer) => window.location.assign(answer.redirectUrl),
  });
