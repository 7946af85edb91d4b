import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptedInvitation,
  CreatedInvitation,
  CreatedInvitations,
  CreateInvitationBody,
  InvitationList,
  InvitationPreview,
  InvitationView,
  InviteManyBody,
  ListProblem,
} from '../../../features/invitations/invitations.schema';
import { rememberOrg } from '../../app/session';
import { ApiError, api } from '../../lib/api';
import { useRefetchMe } from '../me/me-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CreatedInvitation, CreatedInvitations, InvitationPreview, InvitationView, InviteManyBody, ListProblem };

export const invitationKeys = {
  all: ['invitations'] as const,
  ofOrg: (orgId: string) => [...invitationKeys.all, 'org', orgId] as const,
  /** What the holder of a link sees before accepting. */
  preview: (token: string) => [...invitationKeys.all, 'preview', token] as const,
};

const invitationsUrl = (orgId: string) => `/api/orgs/${orgId}/invitations`;

export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: invitationKeys.ofOrg(orgId),
    queryFn: () => api<InvitationList>('GET', invitationsUrl(orgId)),
  });
}

/** Invites by e-mail; the answer carries the link, shown once (the server keeps no copy it could show again). */
export function useInvite(orgId: string, onInvited: (invitation: CreatedInvitation) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => api<CreatedInvitation>('POST', invitationsUrl(orgId), body),
    onSuccess: (invitation) => {
      onInvited(invitation);
      qc.invalidateQueries({ queryKey: invitationKeys.ofOrg(orgId) });
    },
  });
}

/**
 * Invites everyone on a pasted list or in a CSV file's text, or nobody: a refused list's problems, line by
 * line, are `listProblems(error)`.
 */
export function useInviteMany(orgId: string, onInvited: (made: CreatedInvitations) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteManyBody) => api<CreatedInvitations>('POST', `${invitationsUrl(orgId)}/batch`, body),
    onSuccess: (made) => {
      onInvited(made);
      qc.invalidateQueries({ queryKey: invitationKeys.ofOrg(orgId) });
    },
  });
}

/** The lines a refused list must fix (the server names each), or none. */
export const listProblems = (error: unknown): ListProblem[] =>
  error instanceof ApiError && Array.isArray(error.body.lines) ? (error.body.lines as ListProblem[]) : [];

export function useWithdrawInvitation(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api('DELETE', `${invitationsUrl(orgId)}/${invitationId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: invitationKeys.ofOrg(orgId) }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => api<InvitationPreview>('GET', `/api/invitations/${token}`),
    retry: false,
  });
}

/**
 * Joins through the link. The organisation joined becomes the one used last, and the person's memberships are
 * read again before `onJoined` takes them there.
 */
export function useAcceptInvitation(token: string, onJoined: (orgId: string) => void) {
  const refetchMe = useRefetchMe();
  return useMutation({
    mutationFn: () => api<AcceptedInvitation>('POST', `/api/invitations/${token}/accept`),
    onSuccess: async (accepted) => {
      rememberOrg(accepted.organizationId);
      await refetchMe();
      onJoined(accepted.organizationId);
    },
  });
}
