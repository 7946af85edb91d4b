import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberList, MemberView, UpdateMemberBody } from '../../../features/members/members.schema';
import type { Role } from '../../../features/orgs/orgs.schema';
import { ApiError, api } from '../../lib/api';
import { archiveKeys } from '../archives/archives-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { MemberView, Role };

/**
 * An organisation's members: the lists (a search, and everyone for pickers) and single members (a profile, a
 * person's page). A change to members reads everything under `ofOrg` again.
 */
export const memberKeys = {
  all: ['members'] as const,
  ofOrg: (orgId: string) => [...memberKeys.all, orgId] as const,
  lists: (orgId: string) => [...memberKeys.ofOrg(orgId), 'list'] as const,
  search: (orgId: string, q: string, role: string) => [...memberKeys.lists(orgId), { q, role }] as const,
  everyone: (orgId: string) => [...memberKeys.lists(orgId), 'everyone'] as const,
  one: (orgId: string, memberId: string | undefined) => [...memberKeys.ofOrg(orgId), 'one', memberId] as const,
};

const membersUrl = (orgId: string) => `/api/orgs/${orgId}/members`;
const memberUrl = (orgId: string, memberId: string) => `${membersUrl(orgId)}/${memberId}`;

/** Members matching a search (name, e-mail or title) and a role; empty ones match everyone. */
export function useMemberSearch(orgId: string, q: string, role: string) {
  return useQuery({
    queryKey: memberKeys.search(orgId, q, role),
    queryFn: () =>
      api<MemberList>(
        'GET',
        `${membersUrl(orgId)}?${new URLSearchParams({ ...(q && { q }), ...(role && { role }), limit: '200' })}`,
      ),
  });
}

/** Everyone in the organisation (up to 500), for choosing a person: a supervisor, whom to share with. */
export function useAllMembers(orgId: string) {
  return useQuery({
    queryKey: memberKeys.everyone(orgId),
    queryFn: () => api<MemberList>('GET', `${membersUrl(orgId)}?limit=500`),
  });
}

/** One member; waits while `memberId` is not known yet. */
export function useMember(orgId: string, memberId: string | undefined) {
  return useQuery({
    queryKey: memberKeys.one(orgId, memberId),
    queryFn: () => api<MemberView>('GET', memberUrl(orgId, memberId ?? '')),
    enabled: Boolean(memberId),
  });
}

/**
 * Puts a saved member (and its new version) in every cached list at once: a second change made before the
 * lists reload must not conflict with the first.
 */
function usePutInLists(orgId: string) {
  const qc = useQueryClient();
  return (saved: MemberView) =>
    qc.setQueriesData<MemberList>({ queryKey: memberKeys.lists(orgId) }, (data) =>
      data ? { ...data, members: data.members.map((x) => (x.id === saved.id ? saved : x)) } : data,
    );
}

export type MemberChange = Pick<UpdateMemberBody, 'role' | 'supervisorId'>;

/** An owner or L&D admin changes a member's role or supervisor; the members are read again after, whatever the answer. */
export function useUpdateMember(orgId: string, on: { saved: (m: MemberView) => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  const putInLists = usePutInLists(orgId);
  return useMutation({
    mutationFn: ({ m, change }: { m: MemberView; change: MemberChange }) =>
      api<MemberView>('PATCH', memberUrl(orgId, m.id), { ...change, version: m.version } satisfies UpdateMemberBody),
    onSuccess: (saved) => {
      putInLists(saved);
      on.saved(saved);
    },
    onError: on.failed,
    onSettled: () => qc.invalidateQueries({ queryKey: memberKeys.ofOrg(orgId) }),
  });
}

/**
 * A member's department and team, sent together with the version they were edited on. Only a conflict (409)
 * reads the members again: the lists then show the other change.
 */
export function useSaveMemberPlace(orgId: string, m: MemberView, onSaved: (m: MemberView) => void) {
  const qc = useQueryClient();
  const putInLists = usePutInLists(orgId);
  return useMutation({
    mutationFn: (place: Pick<UpdateMemberBody, 'department' | 'team'>) =>
      api<MemberView>('PATCH', memberUrl(orgId, m.id), { ...place, version: m.version } satisfies UpdateMemberBody),
    onSuccess: (saved) => {
      putInLists(saved);
      onSaved(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) qc.invalidateQueries({ queryKey: memberKeys.ofOrg(orgId) });
    },
  });
}

/** Removes a member; their data leaves with them, so the organisation's removed people are read again too. */
export function useRemoveMember(orgId: string, onRemoved: (m: MemberView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: MemberView) => api('DELETE', memberUrl(orgId, m.id)),
    onSuccess: (_answer, m) => onRemoved(m),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: memberKeys.ofOrg(orgId) });
      qc.invalidateQueries({ queryKey: archiveKeys.removed(orgId) });
    },
  });
}
