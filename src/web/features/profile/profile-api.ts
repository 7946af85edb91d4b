import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberView, UpdateProfileBody } from '../../../features/members/members.schema';
import { api } from '../../lib/api';
import { archiveKeys } from '../archives/archives-api';
import { useRefetchMe } from '../me/me-api';
import { memberKeys } from '../members/members-api';

// The profile is the signed-in person's own membership: its cache entries are the members feature's.

export type ProfileChanges = Omit<UpdateProfileBody, 'version'>;

/**
 * Saves what members set on themselves, with the version edited. The answer replaces the cached member; a
 * failure (a conflict, say) reads the member again.
 */
export function useSaveProfile(orgId: string, member: MemberView | undefined, onSaved: () => void) {
  const qc = useQueryClient();
  const key = memberKeys.one(orgId, member?.id);
  return useMutation({
    mutationFn: (changes: ProfileChanges) =>
      api<MemberView>('PATCH', `/api/orgs/${orgId}/members/${member?.id}/profile`, {
        ...changes,
        version: member?.version,
      } satisfies UpdateProfileBody),
    onSuccess: (saved) => {
      qc.setQueryData(key, saved);
      onSaved();
    },
    onError: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/**
 * Leaves the organisation. The person's memberships are read again before `onLeft` takes them on; what they
 * made there leaves with them as an archive, so their archives are read again too.
 */
export function useLeaveOrganisation(orgId: string, memberId: string | undefined, onLeft: () => void) {
  const qc = useQueryClient();
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: () => api('DELETE', `/api/orgs/${orgId}/members/${memberId}`),
    onSuccess: async () => {
      void qc.invalidateQueries({ queryKey: archiveKeys.mine });
      await refetchMe();
      onLeft();
    },
  });
}
