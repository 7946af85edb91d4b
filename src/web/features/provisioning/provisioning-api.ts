import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MadeScimToken, ScimSettings, ScimTokenView } from '../../../features/scim/scim.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { MadeScimToken, ScimSettings, ScimTokenView };

export const provisioningKeys = {
  all: ['provisioning'] as const,
  of: (orgId: string) => [...provisioningKeys.all, orgId] as const,
};

const base = (orgId: string) => `/api/orgs/${orgId}/scim`;

export const useScimSettings = (orgId: string) =>
  useQuery({ queryKey: provisioningKeys.of(orgId), queryFn: () => api<ScimSettings>('GET', base(orgId)) });

function useScimWrite<I, O>(orgId: string, call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => qc.invalidateQueries({ queryKey: provisioningKeys.of(orgId) }),
  });
}

export const useMakeScimToken = (orgId: string) =>
  useScimWrite(orgId, (name: string) => api<MadeScimToken>('POST', `${base(orgId)}/tokens`, { name }));

export const useRevokeScimToken = (orgId: string) =>
  useScimWrite(orgId, (tokenId: string) => api<null>('DELETE', `${base(orgId)}/tokens/${tokenId}`));

export const useSaveGroupMapping = (orgId: string) =>
  useScimWrite(orgId, (body: { groupMapping: ScimSettings['groupMapping']; adminGroup: string | null }) =>
    api<ScimSettings & { membersChanged: number }>('PUT', `${base(orgId)}/mapping`, body),
  );
