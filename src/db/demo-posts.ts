import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { learnWords } from '../features/search/index.js';
import { renderMarkdown } from '../server/markdown.js';
import type { Database } from './client.js';
import { community, communityMember, membership, post, postComment, postReaction } from './schema/index.js';
import { reactionKinds } from './schema/posts.js';

/*
 * The demo's learning out loud: two communities of practice and a week of posts, reactions and comments, so
 * the feed, communities and search have something in them on first sign-in.
 */

const communities = [
  {
    name: 'Data clinic',
    topic: 'data literacy',
    description: 'Bring a question about numbers; leave with a chart you trust. Thursdays at 3.',
    featured: true,
    members: ['Priya Raman', 'Chen Wei', 'Maya Okafor', 'Liam O’Connor', 'Zara Ahmed', 'Mateo García'],
  },
  {
    name: 'Storytime makers',
    topic: 'storytelling',
    description: 'Children’s and family programming: what worked, what we will try next.',
    featured: false,
    members: ['Lucas Moreau', 'Fatima Al-Sayed', 'Grace Kim', 'Oliver Brown'],
  },
];

type Post = { by: string; title: string; body: string; topics: string[]; community?: string; daysAgo: number };

const posts: Post[] = [
  {
    by: 'Chen Wei',
    title: 'One question per dashboard',
    body: 'Spent the week with three branch teams. The dashboards they **actually** open each answer one question:\n\n- How busy will Saturday be?\n- Which shelves need weeding?\n\nEverything else got ignored. Next: ask before building.',
    topics: ['data visualisation', 'dashboards'],
    community: 'Data clinic',
    daysAgo: 1,
  },
  {
    by: 'Lucas Moreau',
    title: 'Puppets beat slides',
    body: 'Tried a puppet instead of the picture slides at Tuesday storytime. The four-year-olds answered back — and stayed to the end. Trying it with the toddler group next.',
    topics: ['storytelling'],
    community: 'Storytime makers',
    daysAgo: 2,
  },
  {
    by: 'Maya Okafor',
    title: 'Leading a meeting from the numbers',
    body: 'We changed Saturday opening after looking at the morning peak together. The surprise for me: people trusted a simple chart more than my summary. Thanks to [Chen](https://example.org) for the data clinic.',
    topics: ['leadership', 'data literacy'],
    daysAgo: 3,
  },
  {
    by: 'Kwame Mensah',
    title: 'Cataloguing rare books: what I learned from Jonas',
    body: 'Provenance notes matter more than I thought: a bookplate told us where three of our rare books came from. Shadowing Jonas for a week taught me more than the course did.',
    topics: ['cataloguing'],
    daysAgo: 4,
  },
  {
    by: 'Zara Ahmed',
    title: 'Spreadsheet trick of the week',
    body: 'Pivot tables can group dates by month: right-click a date, *Group*, choose months. Our enquiry statistics went from an afternoon to five minutes.',
    topics: ['spreadsheets'],
    daysAgo: 5,
  },
];

/** Communities, posts, reactions and a conversation, by the demo's people (`ids`: member id by name). */
export async function addLearningOutLoud(db: Database, orgId: string, ids: Map<string, string>) {
  const member = (name: string) => ids.get(name) as string;
  const communityIds = new Map<string, string>();
  for (const c of communities) {
    const id = randomUUID();
    communityIds.set(c.name, id);
    await db.insert(community).values({
      id,
      organizationId: orgId,
      name: c.name,
      topic: c.topic,
      description: c.description,
      featured: c.featured,
      createdByMemberId: member(c.members[0] as string),
    });
    await db.insert(communityMember).values(c.members.map((name) => ({ communityId: id, memberId: member(name) })));
  }
  const userIds = await userIdsOf(db, [...ids.values()]);
  for (const p of posts) {
    const id = randomUUID();
    const authorMemberId = member(p.by);
    await db.insert(post).values({
      id,
      organizationId: orgId,
      authorMemberId,
      authorUserId: userIds.get(authorMemberId) as string,
      title: p.title,
      body: p.body,
      html: renderMarkdown(p.body, { images: true }),
      topics: p.topics,
      visibility: p.community ? 'community' : 'organization',
      communityId: p.community ? (communityIds.get(p.community) as string) : null,
      createdAt: new Date(Date.now() - p.daysAgo * 86_400_000),
    });
    await learnWords(db, orgId, `${p.title} ${p.body}`);
    const fans = ['Maya Okafor', 'Tom Lindqvist', 'Priya Raman', 'Aisha Khan'].filter((n) => n !== p.by);
    await db.insert(postReaction).values(
      fans.slice(0, 1 + (p.daysAgo % 3)).map((n, i) => ({
        postId: id,
        memberId: member(n),
        kind: reactionKinds[i % reactionKinds.length] as (typeof reactionKinds)[number],
      })),
    );
    if (p.by === 'Chen Wei') {
      const body = 'This is exactly what the Saturday meeting needed. Could you show the weeding one at the clinic?';
      await db.insert(postComment).values({
        id: randomUUID(),
        postId: id,
        authorMemberId: member('Maya Okafor'),
        body,
        html: renderMarkdown(body),
      });
    }
  }
}

async function userIdsOf(db: Database, memberIds: string[]) {
  const rows = await db
    .select({ id: membership.id, userId: membership.userId })
    .from(membership)
    .where(inArray(membership.id, memberIds));
  return new Map(rows.map((r) => [r.id, r.userId]));
}
