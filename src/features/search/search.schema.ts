import { z } from 'zod';
import { pageLimit } from '../../server/schemas.js';

export const searchKinds = ['post', 'goal', 'resource', 'mentor', 'community'] as const;

export const searchQuery = z.object({
  orgId: z.string().min(1).max(64),
  q: z
    .string({ error: 'Type what to search for.' })
    .trim()
    .min(2, { error: 'Type at least two letters to search for.' })
    .max(200),
  limit: pageLimit(50, 20),
});

export const searchResult = z
  .object({
    kind: z.enum(searchKinds),
    id: z.string(),
    title: z.string(),
    /** The title and an excerpt, HTML-escaped, with the matching words in <mark>. */
    titleHtml: z.string(),
    snippetHtml: z.string(),
    /** What it is, in words ("Post by Ada Lovelace", "Your goal"). */
    label: z.string(),
    /** Where it opens in the app. */
    url: z.string(),
    score: z.number(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResult>;
export const searchResults = z.object({ results: z.array(searchResult) });
export type SearchResults = z.infer<typeof searchResults>;
