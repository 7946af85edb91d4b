import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MadeToken, TokenList, TokenView } from '../../../features/tokens/tokens.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { MadeToken, TokenList, TokenView };

/** Where a set of tokens lives: the person's own (`/api/me/tokens`) or an organisation's. */
export const tokensPath = (orgId?: string) => (orgId ? `/api/orgs/${orgId}/tokens` : '/api/me/tokens');

export const tokenKeys = {
  all: ['tokens'] as const,
  of: (path: string) => [...tokenKeys.all, path] as const,
};

export const useTokens = (path: string) =>
  useQuery({ queryKey: tokenKeys.of(path), queryFn: () => api<TokenList>('GET', path) });

export interface NewToken {
  name: string;
  scopes: string[];
  expiresInDays: number;
}

export function useMakeToken(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewToken) => api<MadeToken>('POST', path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.of(path) }),
  });
}

export function useRevokeToken(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api<null>('DELETE', `${path}/${tokenId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.of(path) }),
  });
}
