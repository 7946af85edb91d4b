import { useQuery } from '@tanstack/react-query';
import type {
  ArchiveList,
  ArchiveView,
  RemovedMemberList,
  RemovedMemberView,
} from '../../../features/archives/archives.schema';
import { api } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { ArchiveView, RemovedMemberView };

export const archiveKeys = {
  all: ['archives'] as const,
  /** The signed-in person's own archives, from organisations they left or were removed from. */
  mine: ['archives', 'mine'] as const,
  /** Who was removed from an organisation (for its owners and L&D admins); a removal adds to it. */
  removed: (orgId: string) => [...archiveKeys.all, 'removed', orgId] as const,
};

export function useMyArchives() {
  return useQuery({
    queryKey: archiveKeys.mine,
    queryFn: () => api<ArchiveList>('GET', '/api/me/archives'),
  });
}

export function useRemovedMembers(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: archiveKeys.removed(orgId),
    queryFn: () => api<RemovedMemberList>('GET', `/api/orgs/${orgId}/removed-members`),
    enabled,
  });
}

/** Where an archive downloads from: everything as JSON, or one of its evidence files. */
export const archiveHref = (archiveId: string) => `/api/me/archives/${archiveId}/download`;
export const archiveFileHref = (archiveId: string, fileId: string) => `/api/me/archives/${archiveId}/files/${fileId}`;

export const archiveDate = formatDateOf;
