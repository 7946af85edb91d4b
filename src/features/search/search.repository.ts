import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { community, goal, membership, networkEntry, plan, post, searchWord, user } from '../../db/schema/index.js';
import { rowsOf, textArray } from '../../db/sql-helpers.js';
import { visibleTo } from '../access/index.js';

export interface Hit {
  id: string;
  title: string;
  text: string;
  score: number;
  /** Extra ids the result links with (a goal's plan, say). */
  ref: string | null;
}

/** Results as hits (PostgreSQL answers float8 as a number, PGlite may not: always a number). */
const hitsOf = (result: unknown): Hit[] => rowsOf<Hit>(result).map((r) => ({ ...r, score: Number(r.score) }));

/** How alike the query must be to a passage of a text (pg_trgm word similarity) to count as a typo match. */
const TYPO_THRESHOLD = 0.5;

/** The query as full-text search reads it: any of its words (ranked higher the more match), English stems. */
export const anyWordQuery = (words: string[]) => sql`websearch_to_tsquery('english', ${words.join(' or ')})`;

/**
 * One kind of result: `rows` selects (id, title, text, ref) for what the viewer may see; those matching
 * by full-text search or by trigram similarity (typos) are ranked by both. For the few rows of one person
 * or one organisation (goals, network, mentors, communities), computed per row; posts use indexes instead.
 */
async function searchKind(
  db: Database,
  rows: SQL,
  q: { text: string; words: string[] },
  limit: number,
): Promise<Hit[]> {
  const result = await db.execute(sql`
    with query as (select ${anyWordQuery(q.words)} as tsq, lower(${q.text}) as text),
    candidate as (${rows})
    select c.id, c.title, c.text, c.ref,
           (ts_rank_cd(to_tsvector('english', c.title || ' ' || c.text), query.tsq)
             + word_similarity(query.text, lower(c.title || ' ' || c.text)))::float8 as score
    from candidate c cross join query
    where to_tsvector('english', c.title || ' ' || c.text) @@ query.tsq
       or word_similarity(query.text, lower(c.title || ' ' || c.text)) >= ${TYPO_THRESHOLD}
    order by score desc, c.id
    limit ${limit}`);
  return hitsOf(result);
}

/**
 * The query for posts: its words, or (for a word misspelt) the nearest words people in the organisation
 * actually wrote, found in the vocabulary by trigram similarity (an index lookup over words, not a
 * similarity per post). Full-text search then runs with all of them.
 */
function forgivingQuery(orgId: string, words: string[]) {
  return sql`(${anyWordQuery(words)} || coalesce((
      select websearch_to_tsquery('english', string_agg(near.word, ' or '))
      from unnest(${textArray(words)}) as q(word)
      cross join lateral (
        select ${searchWord.word} as word from ${searchWord}
        where ${searchWord.organizationId} = ${orgId} and ${searchWord.word} % q.word
          and similarity(${searchWord.word}, q.word) >= ${TYPO_THRESHOLD}
        order by similarity(${searchWord.word}, q.word) desc limit 2
      ) near
    ), ''::tsquery))`;
}

/** How many of the newest matching posts are ranked: enough for a good page, bounded for a common word. */
const RANKED_POSTS = 300;

/**
 * Posts the viewer may see, matching the forgiving query. The newest matches are read in the feed index's
 * order and only they are ranked, so a word found in half the organisation's posts costs no more than a rare one.
 */
export async function searchPosts(
  db: Database,
  viewer: { memberId: string; orgId: string },
  q: { text: string; words: string[] },
  limit: number,
) {
  const result = await db.execute(sql`
    with query as (select ${forgivingQuery(viewer.orgId, q.words)} as tsq),
    recent as (
      select ${post.id} as id, ${post.title} as title, ${post.body} as text, ${post.authorMemberId} as author,
             ${post.search} as search
      from ${post} cross join query
      where ${visibleTo(viewer.memberId, viewer.orgId)} and ${post.search} @@ query.tsq
      order by ${post.createdAt} desc nulls last, ${post.id} desc nulls last
      limit ${RANKED_POSTS}
    )
    select recent.id, recent.title, recent.text, ${user.name} as ref,
           ts_rank_cd(recent.search, query.tsq)::float8 as score
    from recent cross join query
    join ${membership} on ${membership.id} = recent.author
    join ${user} on ${user.id} = ${membership.userId}
    order by score desc, recent.id
    limit ${limit}`);
  return hitsOf(result);
}

/** Keeps the organisation's vocabulary (see forgivingQuery) with the words of a post just written. */
export async function learnWords(db: Database, orgId: string, text: string) {
  await db.execute(sql`
    insert into ${searchWord} (organization_id, word)
    select distinct ${orgId}, w from regexp_split_to_table(lower(${text}), '[^[:alpha:]]+') as w
    where length(w) between 3 and 40
    on conflict do nothing`);
}

/** The viewer's own goals (a plan is private: nobody else's goals are searched). */
export function searchGoals(db: Database, memberId: string, q: { text: string; words: string[] }, limit: number) {
  return searchKind(
    db,
    sql`select ${goal.id} as id, ${goal.what} as title,
          concat_ws(' ', ${goal.why}, ${goal.how}, array_to_string(${goal.topics}, ' ')) as text, ${plan.id} as ref
        from ${goal} join ${plan} on ${plan.id} = ${goal.planId}
        where ${plan.memberId} = ${memberId}`,
    q,
    limit,
  );
}

/** Resources and communities in the viewer's own network, across their plans. */
export function searchResources(db: Database, memberId: string, q: { text: string; words: string[] }, limit: number) {
  return searchKind(
    db,
    sql`select ${networkEntry.id} as id, ${networkEntry.name} as title,
          concat_ws(' ', ${networkEntry.notes}, ${networkEntry.url}) as text, ${plan.id} as ref
        from ${networkEntry} join ${plan} on ${plan.id} = ${networkEntry.planId}
        where ${plan.memberId} = ${memberId} and ${networkEntry.kind} in ('resource', 'community')`,
    q,
    limit,
  );
}

/**
 * People of the organisation who offer mentoring: by their name, their topics (each compared by trigram
 * similarity, so "negotation" finds "negotiation") and full-text search in what they say about it (indexed).
 * An organisation may have a thousand mentors: nothing here compares whole texts row by row.
 */
export async function searchMentors(db: Database, orgId: string, q: { text: string; words: string[] }, limit: number) {
  const mentor = sql`${membership.organizationId} = ${orgId} and ${membership.offersMentoring}`;
  // Topic names are few and shared: each distinct one is compared once, then mentors are found by overlap.
  const result = await db.execute(sql`
    with query as (select ${anyWordQuery(q.words)} as tsq, lower(${q.text}) as text),
    topic as (
      select d.t, max(similarity(lower(d.t), w)) as s
      from (select distinct unnest(${membership.mentoringTopics}) as t from ${membership} where ${mentor}) d,
           unnest(${textArray(q.words)}) w
      group by d.t having max(similarity(lower(d.t), w)) >= ${TYPO_THRESHOLD}
    ),
    candidate as (
      select ${membership.id} as id from ${membership}
      where ${mentor} and ${membership.mentoringTopics} && (select coalesce(array_agg(t), '{}') from topic)
      union
      select ${membership.id} from ${membership} cross join query
      where ${mentor} and to_tsvector('english', ${membership.mentoringAbout}) @@ query.tsq
      union
      select ${membership.id} from ${membership} join ${user} on ${user.id} = ${membership.userId} cross join query
      where ${mentor} and lower(${user.name}) like '%' || query.text || '%'
    )
    select ${membership.id} as id, ${user.name} as title,
           concat_ws(' ', array_to_string(${membership.mentoringTopics}, ', '), ${membership.mentoringAbout}) as text,
           ${membership.title} as ref,
           (coalesce((select max(topic.s) from topic where topic.t = any(${membership.mentoringTopics})), 0)
             + ts_rank_cd(to_tsvector('english', ${membership.mentoringAbout}), query.tsq)
             + similarity(lower(${user.name}), query.text))::float8 as score
    from candidate
    join ${membership} on ${membership.id} = candidate.id
    join ${user} on ${user.id} = ${membership.userId}
    cross join query
    order by score desc, ${membership.id}
    limit ${limit}`);
  return hitsOf(result);
}

export function searchCommunities(db: Database, orgId: string, q: { text: string; words: string[] }, limit: number) {
  return searchKind(
    db,
    sql`select ${community.id} as id, ${community.name} as title,
          concat_ws(' ', ${community.topic}, ${community.description}) as text, null::text as ref
        from ${community} where ${community.organizationId} = ${orgId}`,
    q,
    limit,
  );
}
