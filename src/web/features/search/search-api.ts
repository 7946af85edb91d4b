import { useQuery } from '@tanstack/react-query';
import type { SearchResult, SearchResults } from '../../../features/search/search.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { SearchResult };

export const searchKeys = {
  all: ['search'] as const,
  results: (orgId: string, q: string) => [...searchKeys.all, orgId, q] as const,
};

/** One search across posts, the viewer's goals and resources, mentors and communities; from two characters. */
export function useSearch(orgId: string, q: string) {
  return useQuery({
    queryKey: searchKeys.results(orgId, q),
    queryFn: () =>
      api<SearchResults>('GET', `/api/search?orgId=${encodeURIComponent(orgId)}&q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= 2,
  });
}
