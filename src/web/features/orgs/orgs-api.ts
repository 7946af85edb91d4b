import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgBody, OrgView, UpdateOrgBody } from '../../../features/orgs/orgs.schema';
import { rememberOrg } from '../../app/session';
import { api } from '../../lib/api';
import { useRefetchMe } from '../me/me-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { OrgView };

export const orgKeys = {
  all: ['orgs'] as const,
  one: (orgId: string) => [...orgKeys.all, orgId] as const,
};

export const orgQuery = (orgId: string) =>
  queryOptions({ queryKey: orgKeys.one(orgId), queryFn: () => api<OrgView>('GET', `/api/orgs/${orgId}`) });

export function useOrg(orgId: string) {
  return useQuery(orgQuery(orgId));
}

/**
 * Creates an organisation. It becomes the one used last, and the creator's memberships are read again before
 * `onCreated` takes them there.
 */
export function useCreateOrg(onCreated: (org: OrgView) => void) {
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: (body: CreateOrgBody) => api<OrgView>('POST', '/api/orgs', body),
    onSuccess: async (org) => {
      rememberOrg(org.id);
      await refetchMe();
      onCreated(org);
    },
  });
}

/** Owners set how long a removed member's data is kept for them; the organisation's answer replaces the cached one. */
export function useSaveRemovedDataDays(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (removedDataDays: number) =>
      api<OrgView>('PATCH', `/api/orgs/${orgId}`, { removedDataDays } satisfies UpdateOrgBody),
    onSuccess: (org) => qc.setQueryData(orgKeys.one(orgId), org),
  });
}
