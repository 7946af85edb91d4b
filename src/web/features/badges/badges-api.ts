import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AchievementList,
  AchievementView,
  AchievementWithAwards,
  AwardBody,
  AwardList,
  AwardResult,
  AwardView,
  CreateAchievementBody,
  PublicCredentialView,
  RevokeBody,
  VerificationView,
} from '../../../features/badges/badges.schema';
import type { FileVerificationView } from '../../../features/badges/credential-files.schema';
import { api, upload } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { AchievementView, AwardView, FileVerificationView, PublicCredentialView, VerificationView };

/** An achievement's awards hang under it: awarding or revoking reads it (and the list's counts) again. */
export const badgeKeys = {
  all: ['badges'] as const,
  achievements: (orgId: string) => [...badgeKeys.all, 'achievements', orgId] as const,
  achievement: (achievementId: string) => [...badgeKeys.all, 'achievement', achievementId] as const,
  mine: (orgId: string) => [...badgeKeys.all, 'mine', orgId] as const,
  credential: (awardId: string) => [...badgeKeys.all, 'credential', awardId] as const,
};

export const useAchievements = (orgId: string) =>
  useQuery({
    queryKey: badgeKeys.achievements(orgId),
    queryFn: () => api<AchievementList>('GET', `/api/orgs/${encodeURIComponent(orgId)}/achievements`),
  });

export const useAchievement = (achievementId: string | undefined) =>
  useQuery({
    queryKey: badgeKeys.achievement(achievementId ?? ''),
    queryFn: () => api<AchievementWithAwards>('GET', `/api/achievements/${achievementId}`),
    enabled: !!achievementId,
  });

export const useMyBadges = (orgId: string) =>
  useQuery({
    queryKey: badgeKeys.mine(orgId),
    queryFn: () => api<AwardList>('GET', `/api/orgs/${encodeURIComponent(orgId)}/my-badges`),
  });

export const usePublicCredential = (awardId: string) =>
  useQuery({
    queryKey: badgeKeys.credential(awardId),
    queryFn: () => api<PublicCredentialView>('GET', `/api/credentials/${encodeURIComponent(awardId)}`),
    retry: false,
  });

export function useCreateAchievement(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAchievementBody) =>
      api<AchievementView>('POST', `/api/orgs/${encodeURIComponent(orgId)}/achievements`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: badgeKeys.achievements(orgId) }),
  });
}

/** Awarding and revoking: each reads the achievement's awards and the list's counts again. */
export function useAwardActions(orgId: string, achievementId: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: badgeKeys.achievement(achievementId) });
    await qc.invalidateQueries({ queryKey: badgeKeys.achievements(orgId) });
  };
  return {
    award: useMutation({
      mutationFn: (body: AwardBody) => api<AwardResult>('POST', `/api/achievements/${achievementId}/awards`, body),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: ({ awardId, ...body }: RevokeBody & { awardId: string }) =>
        api<AwardView>('POST', `/api/badge-awards/${awardId}/revoke`, body),
      onSuccess: refresh,
    }),
  };
}

/** Where a credential's JSON is downloaded (a public address, like its verification page). */
export const credentialDownloadUrl = (awardId: string) => `/api/credentials/${encodeURIComponent(awardId)}/download`;

/** Where a credential is downloaded as a VC-JWT (the same credential, signed as a JWT by the same key). */
export const credentialJwtUrl = (awardId: string) => `/api/credentials/${encodeURIComponent(awardId)}/credential.jwt`;

/** Where a credential's baked badge image is downloaded: the PNG or the SVG with the credential inside. */
export const bakedBadgeUrl = (awardId: string, kind: 'png' | 'svg') =>
  `/api/credentials/${encodeURIComponent(awardId)}/badge.${kind}`;

/** Verifies a credential someone has: a file (baked PNG or SVG, JSON, VC-JWT) or pasted JSON or JWT. Changes nothing. */
export const useVerifyCredential = () =>
  useMutation({
    mutationFn: (given: { file: File } | { credential: Record<string, unknown> } | { jwt: string }) => {
      if (!('file' in given)) return api<FileVerificationView>('POST', '/api/credentials/verify', given);
      const form = new FormData();
      form.append('file', given.file);
      return upload<FileVerificationView>('/api/credentials/verify', form);
    },
  });
