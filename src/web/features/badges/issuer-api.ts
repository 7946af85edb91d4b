import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuerView, UpdateIssuerBody } from '../../../features/badges/badges.schema';
import { api } from '../../lib/api';
import { badgeKeys } from './badges-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { IssuerView };

/** The organisation as an issuer hangs under the badges' keys. */
export const issuerKeys = {
  issuer: (orgId: string) => [...badgeKeys.all, 'issuer', orgId] as const,
};

const issuerUrl = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/badges/issuer`;

export const useIssuer = (orgId: string) =>
  useQuery({ queryKey: issuerKeys.issuer(orgId), queryFn: () => api<IssuerView>('GET', issuerUrl(orgId)) });

/** Saving the profile and rotating the key both answer the issuer as it now is. */
export function useIssuerActions(orgId: string) {
  const qc = useQueryClient();
  const keep = (issuer: IssuerView) => qc.setQueryData(issuerKeys.issuer(orgId), issuer);
  return {
    save: useMutation({
      mutationFn: (body: UpdateIssuerBody) => api<IssuerView>('PUT', issuerUrl(orgId), body),
      onSuccess: keep,
    }),
    rotate: useMutation({
      mutationFn: () => api<IssuerView>('POST', `${issuerUrl(orgId)}/rotate-key`),
      onSuccess: keep,
    }),
  };
}
