import { type SQL, sql } from 'drizzle-orm';

/**
 * The CTE `topic_map (phrase, key)`: every name and synonym on the organisation's topic list, compared as
 * insight_phrase does, mapped to its topic's key. A phrase listed under two topics goes to the one that has it
 * as its name, else to the first in alphabetical order. Words on no list stay themselves.
 */
export function topicMapCte(orgId: string): SQL {
  return sql`topic_map as (
      select distinct on (phrase) phrase, key from (
        select insight_phrase(t.name) as phrase, insight_phrase(t.name) as key, 0 as rank
        from org_topic t where t.organization_id = ${orgId}
        union all
        select insight_phrase(s), insight_phrase(t.name), 1
        from org_topic t cross join unnest(t.synonyms) s where t.organization_id = ${orgId}
      ) x order by phrase, rank, key
    )`;
}

/** A topic as insight_phrase compares it in SQL: lower case, single spaces, trimmed. */
export const phraseOf = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
