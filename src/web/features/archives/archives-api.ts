import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveView, RemovedMemberView } from '../../../features/archives/archives.schema';
import { api } from '../../lib/api';
import type { Org } from '../../lib/types';

export type { ArchiveView, RemovedMemberView };

export const archiveKeys = {
  mine: ['archives', 'mine'] as const,
  removed: (orgId: string) => ['archives', 'removed', orgId] as const,
};

export function useMyArchives() {
  return useQuery({
    queryKey: archiveKeys.mine,
    queryFn: () => api<{ archives: ArchiveView[] }>('GET', '/api/me/archives'),
  });
}

export function useRemovedMembers(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: archiveKeys.removed(orgId),
    queryFn: () => api<{ removed: RemovedMemberView[] }>('GET', `/api/orgs/${orgId}/removed-members`),
    enabled,
  });
}

/** Owners set how long a removed member's data is kept for them. */
export function useSaveRemovedDataDays(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (removedDataDays: number) => api<Org>('PATCH', `/api/orgs/${orgId}`, { removedDataDays }),
    onSuccess: (org) => qc.setQueryData(['org', orgId], org),
  });
}

export const archiveDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });
