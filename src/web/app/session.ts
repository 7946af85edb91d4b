import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../lib/api';
import type { Me } from '../lib/types';

/** The signed-in person, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/api/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

const LAST_ORG = 'waymark.lastOrg';
export const rememberOrg = (orgId: string) => localStorage.setItem(LAST_ORG, orgId);
export const lastOrg = () => localStorage.getItem(LAST_ORG);
