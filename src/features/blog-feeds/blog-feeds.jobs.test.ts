import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { programmeBlogFeed, programmeFeedItem } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { createBlogScene, rss, type Served, serveFeeds } from '../../test/blog-feed-fixture.js';
import { READ_FEEDS_QUEUE } from './index.js';

/* The reading job as the app registers it on pg-boss: a job sent to its queue reads the feeds that are due. */

const t = await createTestApp({ jobs: { schedules: false } });

it('reads a due feed when its job runs, and keeps the programme’s posts', async () => {
  const s = await createBlogScene(t.db);
  const routes = new Map<string, () => Served>([
    [
      '/feed',
      () => ({
        body: rss([{ guid: 'x', link: 'https://b.example/x', title: 'Thing 2', categories: ['learning-out-loud'] }]),
      }),
    ],
  ]);
  const server = await serveFeeds(routes as never);
  await t.db.insert(programmeBlogFeed).values({ enrolmentId: s.enrolment.id, feedUrl: `${server.base}/feed` });
  await t.ctx.jobs?.send(READ_FEEDS_QUEUE, {});
  await expect
    .poll(
      async () =>
        (await t.db.select().from(programmeBlogFeed).where(eq(programmeBlogFeed.enrolmentId, s.enrolment.id)))[0]
          ?.lastReadAt,
      {
        timeout: 15_000,
        interval: 200,
      },
    )
    .not.toBeNull();
  const items = await t.db.select().from(programmeFeedItem).where(eq(programmeFeedItem.enrolmentId, s.enrolment.id));
  expect(items.map((i) => [i.title, i.thingId])).toEqual([['Thing 2', s.things[1]?.id]]);
});
