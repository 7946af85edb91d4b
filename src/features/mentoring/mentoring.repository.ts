import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf, textArray } from '../../db/sql-helpers.js';
import type { GoalQuery } from './goal-query.js';
import { synonymGroups } from './synonyms.js';

/**
 * How alike a topic and the goal must be (pg_trgm strict word similarity, 0..1) to count at all:
 * "cataloging" ~ "cataloguing" 0.64, a typo such as "catloging" 0.38, a shared word ("data analysis" for
 * "data visualisation") 0.36, unrelated words below 0.3. Whole words only, so "AI" does not match in "aim".
 * Weak matches count little: the score uses the square of the similarity (see findMentors).
 */
export const topicThreshold = 0.35;

export interface MentorRow {
  id: string;
  name: string;
  title: string | null;
  topics: string[];
  about: string;
  capacity: number;
  activeMentees: number;
  matchedTopics: string[];
  mentioned: string[];
  score: number;
}

export interface PeerRow {
  id: string;
  name: string;
  topics: string[];
  score: number;
}

/** One OR-query of the goal's words: a mentor matches on any of them, and ranks higher the more match. */
const anyWord = (words: string[]) => words.filter((w) => w !== 'or').join(' or ');

/**
 * A synonym group counts as mentioned when one of its names is this alike a phrase of the goal. Names of
 * several words need more: sharing one word ("managing" in "managing projects") is not naming the topic.
 */
const synonymThreshold = { word: 0.45, phrase: 0.6 };

/**
 * The \`input\` CTE both queries start from: the goal's text and topics, widened by the synonym groups it
 * mentions (found by trigram similarity, so a typo in "databses" still finds "SQL"), its OR-query, and one
 * query per distinct stem (to count and name the words a profile matches).
 */
function goalInput(query: GoalQuery) {
  return sql`
    given as (
      select ${query.text}::text as text, ${textArray(query.terms)} as terms, ${textArray(query.words)} as words
    ),
    synonym as (
      select g.n as grp, lower(name.value) as name
      from jsonb_array_elements(${JSON.stringify(synonymGroups)}::jsonb) with ordinality as g(names, n)
      cross join jsonb_array_elements_text(g.names) as name(value)
    ),
    widened as (
      select coalesce(array_agg(distinct s.name), '{}') as names
      from synonym s
      where s.grp in (
        select m.grp from synonym m cross join given
        where strict_word_similarity(m.name, given.text)
          >= case when m.name like '% %' then ${synonymThreshold.phrase}::real else ${synonymThreshold.word}::real end
      )
    ),
    stem as (
      select distinct on (q::text) w as word, q
      from given cross join widened
      cross join unnest(given.words || widened.names) as w
      cross join plainto_tsquery('english', w) as q
      where numnode(q) > 0
      order by q::text, length(w)
    ),
    input as (
      select given.text || ' ' || array_to_string(widened.names, ' ') as text,
             given.terms || widened.names as terms,
             coalesce((select array_agg(word) from stem), '{}') as words,
             coalesce((select array_agg(q) from stem), '{}') as word_queries,
             websearch_to_tsquery('english', ${anyWord(query.words)})
               || websearch_to_tsquery('english', array_to_string(widened.names, ' or ')) as tsq
      from given cross join widened
    )`;
}

/**
 * How alike each distinct topic name in \`source\` (a CTE with a \`topic\` column) is to the goal. People
 * reuse the same few hundred topic names, so scoring each name once instead of each person's copy of it
 * keeps matching fast in a large organisation; rows are then picked by array overlap with the names that
 * matched (\`matched_names\`), which needs no trigram work per person.
 */
function topicSimilarity(source: string) {
  return sql.raw(`
    topic_match as (
      select v.topic,
             greatest(
               strict_word_similarity(lower(v.topic), input.text),
               (select coalesce(max(similarity(lower(v.topic), term)), 0) from unnest(input.terms) term)
             ) as s,
             to_tsvector('english', v.topic) @@ input.tsq as stem_match
      from (select distinct topic from ${source}) v cross join input
    ),
    matched_names as (
      select coalesce(array_agg(topic) filter (where s >= ${topicThreshold}), '{}') as similar,
             coalesce(array_agg(topic) filter (where s >= ${topicThreshold} or stem_match), '{}') as any_match
      from topic_match
    )`);
}

/**
 * Mentors of the organisation for one goal, best first, in one query. Scores add up:
 *  - their topic most like the goal (its wording, its topics, their synonyms): 2.7 × similarity², plus
 *    0.3 × similarity² for every matching topic (a mentor of one right topic beats one of three half-right ones);
 *  - full-text search of the goal's words in their topics and "about" (English stems): 0.35 for each
 *    distinct stem found, at most 3 counted (how much of the goal they cover, not how often they repeat it);
 *  - ts_rank of the same search, a small tie-breaker (under 0.1 for texts of a few sentences).
 * Only mentors matching on a topic or on a word are considered. Active mentees (agreed or active enlistments
 * naming them) are counted for the returned rows only.
 */
export async function findMentors(
  db: Database,
  input: { orgId: string; learnerMemberId: string; query: GoalQuery; limit: number },
): Promise<MentorRow[]> {
  const result = await db.execute(sql`
    with ${goalInput(input.query)},
    mentor as materialized (
      select m.id, m.user_id, m.title, m.mentoring_topics as topics, m.mentoring_about as about,
             m.mentoring_capacity as capacity
      from membership m
      where m.organization_id = ${input.orgId} and m.offers_mentoring and m.id <> ${input.learnerMemberId}
    ),
    mentor_topic as (select distinct unnest(topics) as topic from mentor),
    ${topicSimilarity('mentor_topic')},
    -- Mentors with a topic like the goal's or sharing a stem with it, or whose "about" has one of its words
    -- (membership_mentor_about_search_idx finds those without reading every mentor's text).
    candidate_id as (
      select mentor.id from mentor cross join matched_names where mentor.topics && matched_names.any_match
      union
      select m.id from membership m
      where m.organization_id = ${input.orgId} and m.offers_mentoring and m.id <> ${input.learnerMemberId}
        and to_tsvector('english', m.mentoring_about) @@ (select tsq from input)
    ),
    topic_score as (
      select c.id, array_agg(tm.topic order by tm.s desc) as topics,
             max(tm.s * tm.s) * 2.7 + sum(tm.s * tm.s) * 0.3 as total
      from candidate_id c
      join mentor on mentor.id = c.id
      cross join unnest(mentor.topics) as t(topic)
      join topic_match tm on tm.topic = t.topic
      where tm.s >= ${topicThreshold}
      group by c.id
    ),
    -- Materialised so each candidate's document is built once: inlined, PostgreSQL rebuilt it for ts_rank and
    -- again for every word tested, which was two thirds of the query (p95 60 → 35 ms at 10,000 members).
    candidate as materialized (
      select mentor.*, coalesce(ts.topics, '{}') as matched_topics, coalesce(ts.total, 0) as topic_score,
             to_tsvector('english', array_to_string(mentor.topics, ' ') || ' ' || mentor.about) as doc
      from candidate_id c
      join mentor on mentor.id = c.id
      left join topic_score ts on ts.id = mentor.id
    ),
    scored as (
      select candidate.*, mentioned.words as mentioned,
             topic_score
               + least(cardinality(mentioned.words), 3) * 0.35
               + ts_rank(candidate.doc, input.tsq) as score
      from candidate cross join input
      cross join lateral (
        select array(select w.word from unnest(input.words, input.word_queries) as w(word, q)
                     where candidate.doc @@ w.q) as words
      ) mentioned
      order by score desc, candidate.id
      limit ${input.limit}
    )
    select s.id, u.name, s.title, s.topics, s.about, s.capacity, s.matched_topics as "matchedTopics",
           s.score::float8 as score, s.mentioned,
           (select count(distinct e.plan_id)::int from plan_network_entry e
             where e.member_id = s.id and e.enlistment in ('agreed', 'active')) as "activeMentees"
    from scored s join "user" u on u.id = s.user_id
    order by s.score desc, lower(u.name), s.id`);
  return rowsOf<MentorRow>(result).map((r) => ({ ...r, score: Number(r.score) }));
}

/**
 * Colleagues who said they may be suggested as peers and have an active goal on a topic like this goal's,
 * best first. Only their topics are compared (and returned): the rest of their plan is private.
 */
export async function findPeers(
  db: Database,
  input: { orgId: string; learnerMemberId: string; query: GoalQuery; limit: number },
): Promise<PeerRow[]> {
  const result = await db.execute(sql`
    with ${goalInput(input.query)},
    peer_goal as materialized (
      select m.id, g.topics
      from membership m
      join plan p on p.member_id = m.id and p.organization_id = m.organization_id
      join plan_goal g on g.plan_id = p.id and g.status = 'active'
      where m.organization_id = ${input.orgId} and m.peer_matching and m.id <> ${input.learnerMemberId}
        and cardinality(g.topics) > 0
    ),
    peer_topic as (select distinct unnest(topics) as topic from peer_goal),
    ${topicSimilarity('peer_topic')},
    best as (
      select pg.id, array_agg(distinct tm.topic) as topics,
             max(tm.s)::float8 + count(distinct lower(tm.topic)) * 0.1 as score
      from peer_goal pg
      cross join matched_names
      cross join unnest(pg.topics) as t(topic)
      join topic_match tm on tm.topic = t.topic
      where pg.topics && matched_names.similar and tm.s >= ${topicThreshold}
      group by pg.id
      order by score desc, pg.id
      limit ${input.limit}
    )
    select best.id, u.name, best.topics, best.score
    from best join membership m on m.id = best.id join "user" u on u.id = m.user_id
    order by best.score desc, lower(u.name), best.id`);
  return rowsOf<PeerRow>(result).map((r) => ({ ...r, score: Number(r.score) }));
}
