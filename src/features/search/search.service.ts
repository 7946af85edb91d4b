import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { highlight, plainText, queryWordsOf } from './highlight.js';
import {
  type Hit,
  searchCommunities,
  searchGoals,
  searchMentors,
  searchPosts,
  searchResources,
} from './search.repository.js';
import type { SearchResult } from './search.schema.js';

/**
 * One search box across what the viewer may open: posts they may see, their own goals and network resources,
 * people offering mentoring and communities. Each kind is searched by full-text search and by trigram
 * similarity (forgiving typos), then all are ranked together, with the matches highlighted.
 */
export async function search(ctx: AppContext, actor: Actor, orgId: string, text: string, limit: number) {
  const { memberId } = await requireAccess(ctx, actor, 'search:run', { org: orgId });
  const words = queryWordsOf(text);
  if (words.length === 0) throw validationError({ q: 'Type at least two letters to search for.' });
  const q = { text: text.trim(), words };
  const [posts, goals, resources, mentors, communities] = await Promise.all([
    searchPosts(ctx.db, { memberId, orgId }, q, limit),
    searchGoals(ctx.db, memberId, q, limit),
    searchResources(ctx.db, memberId, q, limit),
    searchMentors(ctx.db, orgId, q, limit),
    searchCommunities(ctx.db, orgId, q, limit),
  ]);
  const base = `/orgs/${orgId}`;
  const results: SearchResult[] = [
    ...posts.map((h) => result('post', h, `${base}/posts/${h.id}`, h.ref ? `Post by ${h.ref}` : 'Post')),
    ...goals.map((h) => result('goal', h, `${base}/plans/${h.ref}/goals/${h.id}`, 'Your goal')),
    ...resources.map((h) => result('resource', h, `${base}/plans/${h.ref}/network`, 'In your network')),
    ...mentors.map((h) => result('mentor', h, `${base}/people/${h.id}`, h.ref ? `Mentor · ${h.ref}` : 'Mentor')),
    ...communities.map((h) => result('community', h, `${base}/communities/${h.id}`, 'Community')),
  ];
  function result(kind: SearchResult['kind'], h: Hit, url: string, label: string): SearchResult {
    return {
      kind,
      id: h.id,
      title: h.title || 'Untitled',
      titleHtml: highlight(h.title || 'Untitled', text, 200),
      snippetHtml: highlight(kind === 'post' ? plainText(h.text) : h.text, text),
      label,
      url,
      score: Math.round(h.score * 1000) / 1000,
    };
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
