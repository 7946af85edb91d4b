import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notification, programmeBlogFeed, programmeFeedItem, programmeProgress } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createBlogScene, rss, type Served, serveFeeds } from '../../test/blog-feed-fixture.js';
import { defaultLimits, FeedReadError, fetchFeed } from './feed-fetch.js';
import { readDueFeeds } from './feed-reading.js';

const HOUR = 60 * 60 * 1000;
let t: TestApp;
const routes = new Map<string, () => Served>();
let server: Awaited<ReturnType<typeof serveFeeds>>;

const tagged = (n: number, extra: Partial<{ guid: string; link: string; title: string }> = {}) => ({
  guid: `post-${n}`,
  link: `https://sam.example/posts/${n}`,
  title: `Thing ${n}: what I tried`,
  categories: ['learning-out-loud'],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  server = await serveFeeds(routes as never);
  routes.set('/rss', () => ({
    body: rss([
      tagged(1),
      { guid: 'holiday', link: 'https://sam.example/holiday', title: 'My holiday', text: 'Nothing to see' },
      { guid: 'maps', link: 'https://sam.example/maps', title: 'About Online maps', text: 'For #learning-out-loud' },
      { guid: 'untagged-thing', link: 'https://sam.example/plain', title: 'A reflection', text: '#learning-out-loud' },
    ]),
  }));
  routes.set(
    '/atom',
    () =>
      ({
        type: 'application/atom+xml',
        body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ana writes</title><link href="https://ana.example/"/>
<id>urn:ana</id><updated>2026-11-03T10:00:00Z</updated>
<entry><title>Podcasts, finally</title><id>urn:ana:1</id><link href="https://ana.example/1"/>
<updated>2026-11-03T10:00:00Z</updated><category term="learning-out-loud"/><summary>I listened.</summary></entry>
</feed>`,
      }) satisfies Served,
  );
  routes.set('/page', () => ({ type: 'text/html', body: '<!doctype html><html><body>My blog</body></html>' }));
  routes.set('/broken', () => ({ type: 'application/xml', body: '<rss><channel><item><title>oops</item></rss' }));
});

async function scene() {
  const s = await createBlogScene(t.db);
  const participant = { cookie: await t.sessionFor(s.participant.userId) };
  const other = { cookie: await t.sessionFor(s.otherParticipant.userId) };
  const organiser = { cookie: await t.sessionFor(s.owner.id) };
  const url = `/api/enrolments/${s.enrolment.id}/blog`;
  return { ...s, participant, other, organiser, url };
}

describe('the SSRF guard', () => {
  const strict = { ...defaultLimits, timeoutMs: 2000, allowPrivateHosts: false };
  it.each([
    ['the test server on 127.0.0.1', () => `${server.base}/rss`],
    ['localhost (a name that resolves to loopback)', () => `http://localhost:${new URL(server.base).port}/rss`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a 10.x address', () => 'http://10.0.0.7/feed'],
    ['IPv6 loopback', () => 'http://[::1]/feed'],
    ['an IPv4-mapped IPv6 loopback', () => 'http://[::ffff:127.0.0.1]/feed'],
  ])('refuses %s when private hosts are not allowed, without a request', async (_, address) => {
    const before = server.requests.length;
    const err = await fetchFeed(address(), {}, strict).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedReadError);
    expect((err as FeedReadError).reason).toBe('private_address');
    expect((err as FeedReadError).message).toMatch(/private network/);
    expect(server.requests.length).toBe(before);
  });

  it('checks every redirect again, and stops after three', async () => {
    const open = { ...defaultLimits, allowPrivateHosts: true };
    routes.set('/to-file', () => ({ status: 302, headers: { location: 'file:///etc/passwd' } }));
    const toFile = await fetchFeed(`${server.base}/to-file`, {}, open).catch((e: unknown) => e);
    expect((toFile as FeedReadError).reason).toBe('bad_address');
    routes.set('/loop', () => ({ status: 301, headers: { location: '/loop' } }));
    const loop = await fetchFeed(`${server.base}/loop`, {}, open).catch((e: unknown) => e);
    expect((loop as FeedReadError).reason).toBe('too_many_redirects');
    expect(server.requests.filter((r) => r.path === '/loop')).toHaveLength(4);
  });

  it('stops reading a feed past the size limit, and says a name that does not resolve in words', async () => {
    routes.set('/big', () => ({
      body: rss(Array.from({ length: 200 }, (_, i) => ({ title: `Post ${i}`, guid: `g${i}` }))),
    }));
    const open = { ...defaultLimits, allowPrivateHosts: true };
    const big = await fetchFeed(`${server.base}/big`, {}, { ...open, maxBytes: 4096 }).catch((e: unknown) => e);
    expect((big as FeedReadError).reason).toBe('too_large');
    expect((big as FeedReadError).message).toBe(
      'The feed is larger than 4 KB: ask your blog to list fewer posts in it.',
    );
    // .invalid never resolves (RFC 2606): no request leaves the machine.
    const nowhere = await fetchFeed('http://no-such-blog.invalid/feed', {}, open).catch((e: unknown) => e);
    expect((nowhere as FeedReadError).reason).toBe('dns');
    expect((nowhere as FeedReadError).message).toBe(
      'We could not find no-such-blog.invalid: check the address for typos.',
    );
  });

  it('refuses addresses that are not http(s)', async () => {
    const err = await fetchFeed('file:///etc/passwd', {}, strict).catch((e: unknown) => e);
    expect((err as FeedReadError).reason).toBe('bad_address');
  });
});

describe('registering a blog', () => {
  it('reads an RSS feed at once and keeps only the programme’s posts, each with the thing it names', async () => {
    const s = await scene();
    const res = await t.call('PUT', s.url, s.participant, { feedUrl: `${server.base}/rss` });
    expect(res.status).toBe(200);
    expect(res.body.feed).toMatchObject({
      title: "Sam's learning blog",
      siteUrl: 'https://sam.example/',
      lastError: null,
    });
    const byTitle = Object.fromEntries(res.body.items.map((i: { title: string }) => [i.title, i]));
    expect(Object.keys(byTitle).sort()).toEqual(['A reflection', 'About Online maps', 'Thing 1: what I tried']);
    expect(byTitle['Thing 1: what I tried'].thingId).toBe(s.things[0]?.id);
    expect(byTitle['About Online maps'].thingId).toBe(s.things[3]?.id);
    expect(byTitle['A reflection'].thingId).toBeNull();
    expect(res.body.things.map((x: { number: number }) => x.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads an Atom feed', async () => {
    const s = await scene();
    const res = await t.call('PUT', s.url, s.participant, { feedUrl: `${server.base}/atom` });
    expect(res.status).toBe(200);
    expect(res.body.feed.title).toBe('Ana writes');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ title: 'Podcasts, finally', link: 'https://ana.example/1' });
    expect(res.body.items[0].thingId).toBe(s.things[2]?.id);
  });

  it.each([
    ['/page', /web page, not a feed: look for an RSS or Atom link/],
    ['/broken', /not valid RSS or Atom/],
    ['/missing', /“not found” \(HTTP 404\)/],
  ])('answers 400 naming feedUrl for %s, and stores nothing', async (path, words) => {
    const s = await scene();
    const res = await t.call('PUT', s.url, s.participant, { feedUrl: `${server.base}${path}` });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.feedUrl).toMatch(words);
    expect(
      await t.db.select().from(programmeBlogFeed).where(eq(programmeBlogFeed.enrolmentId, s.enrolment.id)),
    ).toEqual([]);
  });

  it('answers 400 for an address that is not http(s)', async () => {
    const s = await scene();
    const res = await t.call('PUT', s.url, s.participant, { feedUrl: 'ftp://sam.example/feed' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.feedUrl).toMatch(/https:\/\//);
  });

  it('lets the participant change it and organisers read it; nobody else', async () => {
    const s = await scene();
    await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}/rss` });
    const read = await t.call('GET', s.url, s.organiser);
    expect(read.status).toBe(200);
    expect(read.body.canChange).toBe(false);
    // The page says which tag marks a post as the programme's.
    expect(read.body.tag).toBe('#learning-out-loud');
    expect((await t.call('PUT', s.url, s.organiser, { feedUrl: `${server.base}/atom` })).status).toBe(403);
    expect((await t.call('GET', s.url, s.other)).status).toBe(404);
    expect((await t.call('DELETE', s.url, s.other)).status).toBe(404);
    expect((await t.call('DELETE', s.url, s.participant)).status).toBe(204);
    expect((await t.call('GET', s.url, s.participant)).body.feed).toBeNull();
  });
});

describe('using a post as a reflection', () => {
  it('records the reflection with the post’s link and marks the post used, in one go', async () => {
    const s = await scene();
    const reg = await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}/rss` });
    const item = reg.items.find((i: { title: string }) => i.title === 'A reflection');
    const thing = s.things[1];
    const res = await t.call('POST', `${s.url}/items/${item.id}/accept`, s.participant, { thingId: thing?.id });
    expect(res.status).toBe(200);
    expect(res.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
      accepted: true,
      thingId: thing?.id,
    });
    const [progress] = await t.db
      .select()
      .from(programmeProgress)
      .where(and(eq(programmeProgress.enrolmentId, s.enrolment.id), eq(programmeProgress.thingId, thing?.id ?? '')));
    expect(progress).toMatchObject({ reflectionUrl: 'https://sam.example/plain', reflectionTitle: 'A reflection' });
    expect(progress?.triedAt).not.toBeNull();
  });

  it('refuses a thing of another programme (400), another person’s post (404) and the organiser (403)', async () => {
    const s = await scene();
    const reg = await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}/rss` });
    const itemUrl = `${s.url}/items/${reg.items[0].id}/accept`;
    const bad = await t.call('POST', itemUrl, s.participant, { thingId: 'not-a-thing' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.thingId).toMatch(/Pick one/);
    const otherUrl = `/api/enrolments/${s.otherEnrolment.id}/blog/items/${reg.items[0].id}/accept`;
    expect((await t.call('POST', otherUrl, s.other, { thingId: s.things[0]?.id })).status).toBe(404);
    expect((await t.call('POST', itemUrl, s.organiser, { thingId: s.things[0]?.id })).status).toBe(403);
  });
});

describe('the job reading due feeds', () => {
  it('keeps no duplicate when a feed repeats its posts with new guids, and offers new posts once', async () => {
    const s = await scene();
    let round = 0;
    routes.set(`/repeat-${s.enrolment.id}`, () => ({
      body: rss(round === 0 ? [tagged(1)] : [tagged(1, { guid: 'new-guid-1' }), tagged(2)]),
    }));
    await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}/repeat-${s.enrolment.id}` });
    round = 1;
    const later = new Date(Date.now() + 2 * HOUR);
    const counts = await readDueFeeds(t.ctx, later);
    expect(counts.read).toBeGreaterThanOrEqual(1);
    const items = await t.db.select().from(programmeFeedItem).where(eq(programmeFeedItem.enrolmentId, s.enrolment.id));
    expect(items.map((i) => i.link).sort()).toEqual(['https://sam.example/posts/1', 'https://sam.example/posts/2']);
    const told = await t.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, s.enrolment.userId), eq(notification.kind, 'programme_blog_post')));
    expect(told.map((n) => n.title)).toEqual(['A post from your blog: Thing 2: what I tried']);
    expect(told[0]?.body).toMatch(/Thing 2: Image search/);
    // Read again: nothing new, nothing told twice.
    await readDueFeeds(t.ctx, new Date(later.getTime() + 2 * HOUR));
    expect(
      await t.db.select().from(programmeFeedItem).where(eq(programmeFeedItem.enrolmentId, s.enrolment.id)),
    ).toHaveLength(2);
  });

  it('asks with the ETag and Last-Modified it was given, and a 304 keeps everything as it was', async () => {
    const s = await scene();
    const path = `/conditional-${s.enrolment.id}`;
    routes.set(path, () => ({
      body: rss([tagged(3)]),
      headers: { etag: '"v1"', 'last-modified': 'Mon, 02 Nov 2026 10:00:00 GMT' },
    }));
    await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}${path}` });
    routes.set(path, () => ({ status: 304 }));
    const later = new Date(Date.now() + 2 * HOUR);
    await readDueFeeds(t.ctx, later);
    const asked = server.requests.filter((r) => r.path === path).at(-1);
    expect(asked?.headers['if-none-match']).toBe('"v1"');
    expect(asked?.headers['if-modified-since']).toBe('Mon, 02 Nov 2026 10:00:00 GMT');
    const status = await t.callOk('GET', s.url, s.participant);
    expect(status.feed.lastError).toBeNull();
    expect(status.feed.lastReadAt).toBe(later.toISOString());
    expect(status.items).toHaveLength(1);
  });

  it('stores why a feed failed, in words, reads it later, and never throws', async () => {
    const s = await scene();
    const path = `/fails-${s.enrolment.id}`;
    routes.set(path, () => ({ body: rss([tagged(1)]) }));
    await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}${path}` });
    routes.set(path, () => ({ type: 'text/html', body: '<!doctype html><p>moved</p>' }));
    const later = new Date(Date.now() + 2 * HOUR);
    await expect(readDueFeeds(t.ctx, later)).resolves.toBeDefined();
    const status = await t.callOk('GET', s.url, s.participant);
    expect(status.feed.lastError).toMatch(/web page, not a feed/);
    expect(new Date(status.feed.nextReadAt).getTime()).toBeGreaterThanOrEqual(later.getTime() + HOUR);
    expect(status.items).toHaveLength(1);
  });

  it('gives up on a feed slower than the time limit and says so', async () => {
    const s = await scene();
    const path = `/slow-${s.enrolment.id}`;
    routes.set(path, () => ({ body: rss([tagged(1)]) }));
    await t.callOk('PUT', s.url, s.participant, { feedUrl: `${server.base}${path}` });
    routes.set(path, () => ({ body: rss([tagged(1)]), delayMs: 2000 }));
    const started = Date.now();
    await readDueFeeds(t.ctx, new Date(Date.now() + 2 * HOUR), { limits: { timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(1900);
    const status = await t.callOk('GET', s.url, s.participant);
    expect(status.feed.lastError).toBe('Your blog took longer than 1 second to answer. We will try again later.');
  });
});
