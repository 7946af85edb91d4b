/**
 * The feed and search bench's organisation: 1,000 members posting 100,000 posts over about ten weeks (one a
 * minute), mostly to everyone, some to communities, to chosen people or private; with reactions and comments.
 * Written as SQL so both databases get exactly the same data (PGlite lives inside the server process, which
 * runs these statements when the bench asks; see bench/server.ts).
 */

export const FEED_MEMBERS = 1_000;
export const FEED_POSTS = 100_000;

const topics = [
  'spreadsheets',
  'cataloguing',
  'facilitation',
  'data visualisation',
  'storytelling',
  'SQL',
  'public speaking',
  'community outreach',
  'accessibility',
  'project management',
  'coaching',
  'research methods',
  'copyright',
  'digital preservation',
  'event planning',
  'budgeting',
  'user research',
  'Python',
  'writing for the web',
  'negotiation',
];
const sentences = [
  'Tried it with the team this week and it worked better than expected.',
  'The trick is to start small and ask for feedback early.',
  'A colleague showed me a shortcut that saves an hour every Monday.',
  'I wrote down three things to try next time.',
  'The course was dry, but the practice session made it click.',
  'Pairing on this with someone more experienced helped a lot.',
];

/** The statements, in order; $1 is the organisation id, $2 the bench person's member id (where used). */
export function feedFixtureStatements(): { sql: string }[] {
  const topicArray = `array[${topics.map((t) => `'${t}'`).join(',')}]`;
  const sentenceArray = `array[${sentences.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;
  const n = FEED_MEMBERS - 1;
  return [
    {
      sql: `insert into "user" (id, name, email, email_verified)
        select 'feed-user-' || i, 'Poster ' || i, 'poster-' || i || '@feed.example', false
        from generate_series(1, ${n}) i`,
    },
    {
      sql: `insert into membership (id, organization_id, user_id, role, title)
        select 'feed-member-' || i, $1, 'feed-user-' || i, 'member', 'Librarian'
        from generate_series(1, ${n}) i`,
    },
    {
      sql: `insert into community (id, organization_id, name, topic)
        select 'feed-community-' || k, $1, 'Circle ' || k, (${topicArray})[k]
        from generate_series(1, 20) k`,
    },
    {
      // Every member is in two communities; the bench person joins five below.
      sql: `insert into community_member (community_id, member_id)
        select 'feed-community-' || (1 + (i + d) % 20), 'feed-member-' || i
        from generate_series(1, ${n}) i cross join generate_series(0, 1) d`,
    },
    {
      sql: `insert into community_member (community_id, member_id)
        select 'feed-community-' || k, $2::text from generate_series(1, 5) k`,
    },
    {
      // One a minute, newest first; 5% private, 5% to chosen people, 10% to a community, 80% to everyone.
      // The topic changes every 20 posts, so every topic has posts of every visibility.
      sql: `insert into post (id, organization_id, author_member_id, author_user_id, title, body, html, topics,
                              visibility, community_id, created_at)
        select 'feed-post-' || i, $1, 'feed-member-' || (1 + i % ${n}), 'feed-user-' || (1 + i % ${n}),
               'What I learned about ' || t.topic,
               'Notes on ' || t.topic || ': ' || s.sentence,
               '<p>Notes on ' || t.topic || ': ' || s.sentence || '</p>',
               array[t.topic],
               (case when i % 20 = 0 then 'private' when i % 20 = 1 then 'people'
                     when i % 10 in (2, 3) then 'community' else 'organization' end)::post_visibility,
               case when i % 10 in (2, 3) then 'feed-community-' || (1 + i % 20) end,
               now() - make_interval(mins => i)
        from generate_series(1, ${FEED_POSTS}) i
        cross join lateral (select (${topicArray})[1 + (i / 20) % ${topics.length}] as topic) t
        cross join lateral (select (${sentenceArray})[1 + (i / 7) % ${sentences.length}] as sentence) s`,
    },
    {
      // A post for chosen people names someone; one in eight of them, the bench person.
      sql: `insert into post_audience (post_id, member_id)
        select 'feed-post-' || i, case when i % 160 = 1 then $2::text else 'feed-member-' || (1 + (i * 7) % ${n}) end
        from generate_series(1, ${FEED_POSTS}) i where i % 20 = 1`,
    },
    {
      sql: `insert into post_reaction (post_id, member_id, kind)
        select 'feed-post-' || i, 'feed-member-' || (1 + (i * 13) % ${n}), 'like'
        from generate_series(1, ${FEED_POSTS}) i where i % 3 = 0`,
    },
    {
      sql: `insert into post_comment (id, post_id, author_member_id, body, html)
        select 'feed-comment-' || i, 'feed-post-' || i, 'feed-member-' || (1 + (i * 17) % ${n}),
               'Thanks for sharing!', '<p>Thanks for sharing!</p>'
        from generate_series(1, ${FEED_POSTS}) i where i % 5 = 0`,
    },
  ];
}

/** Searches as people type them: plain, several words, misspelt. */
export const benchSearches = [
  'spreadsheets',
  'facilitation tips',
  'catalogueing',
  'data visualization',
  'storytelling team',
  'negotation',
];
