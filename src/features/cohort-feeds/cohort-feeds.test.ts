import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import {
  cohortFeedToken,
  membership,
  post,
  programmeBlogFeed,
  programmeCohort,
  programmeFeedItem,
  programmeProgress,
} from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { createBlogScene } from '../../test/blog-feed-fixture.js';
import { addMember, createOrg } from '../../test/factories.js';
import { plainSummary } from './cohort-feed-documents.js';

const t = await createTestApp();
const BASE = 'http://localhost:3000';
const parser = new Parser();

type Link = { atomUrl: string; opmlUrl: string; madeAt: string };
const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => pathOf(url).split('/')[3] as string;
const signedOut = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: pathOf(url), headers });

/**
 * A cohort where the participant reflected four ways (with the cohort, everyone, chosen people, only me) and the
 * other participant linked a post from the blog Waymark reads; an organiser, a member outside the cohort and a
 * member of another organisation.
 */
async function scene() {
  const s = await createBlogScene(t.db);
  const as = {
    participant: { cookie: await t.sessionFor(s.participant.userId) },
    other: { cookie: await t.sessionFor(s.otherParticipant.userId) },
    organiser: { cookie: await t.sessionFor(s.owner.id) },
    bystander: { cookie: await t.sessionFor((await addMember(t.db, s.org)).userId) },
    outsider: { cookie: await t.sessionFor((await addMember(t.db, (await createOrg(t.db)).org)).userId) },
  };
  const [t1, t2, t3, t4] = s.things.map((x) => x.id);
  const reflect = (thingId: string | undefined, body: object, who = as.participant, enrolmentId = s.enrolment.id) =>
    t.callOk('POST', `/api/enrolments/${enrolmentId}/things/${thingId}/reflection`, who, body);
  await reflect(t1, {
    kind: 'post',
    title: 'Blogging at last',
    body: 'For **the cohort**: <script>alert(1)</script> & a ]]> in the middle.',
    visibility: 'cohort',
  });
  await reflect(t2, { kind: 'post', title: 'Searching images', body: 'For everyone.', visibility: 'organization' });
  await reflect(t3, {
    kind: 'post',
    title: 'Chosen-people podcast notes',
    body: 'Only for Ana.',
    visibility: 'people',
    audience: [s.otherParticipant.id],
  });
  await reflect(t4, { kind: 'post', title: 'My private map diary', body: 'Only me.', visibility: 'private' });
  // The other participant's blog, read by Waymark, and one of its posts used as their reflection.
  await t.db.insert(programmeBlogFeed).values({
    enrolmentId: s.otherEnrolment.id,
    feedUrl: 'https://ana.example/feed',
    siteUrl: 'https://ana.example/',
    title: 'Ana writes',
  });
  await t.db.insert(programmeFeedItem).values({
    id: randomUUID(),
    enrolmentId: s.otherEnrolment.id,
    guid: 'urn:ana:1',
    link: 'https://ana.example/1',
    title: 'Podcasts, finally',
    summary: 'I listened to three episodes on the bus.',
    thingId: t3 as string,
    accepted: true,
  });
  await reflect(
    t3,
    { kind: 'link', url: 'https://ana.example/1', title: 'Podcasts, finally' },
    as.other,
    s.otherEnrolment.id,
  );
  const makeLink = async (who: { cookie: string } = as.participant) =>
    (await t.callOk('POST', `/api/cohorts/${s.cohort.id}/feed-link`, who)) as Link;
  return { ...s, as, makeLink };
}

async function atomOf(url: string) {
  const res = await signedOut(url);
  expect(res.statusCode, res.body).toBe(200);
  return { res, feed: await parser.parseString(res.body) };
}

describe('a personal link to a cohort’s feeds', () => {
  it('is shown once, and only its SHA-256 is kept', async () => {
    const s = await scene();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cohorts/${s.cohort.id}/feed-link`,
      headers: s.as.participant,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const link = res.json() as Link;
    expect(link.atomUrl).toMatch(/^http:\/\/localhost:3000\/api\/cohort-feeds\/[A-Za-z0-9_-]{43}\/reflections\.atom$/);
    expect(tokenOf(link.opmlUrl)).toBe(tokenOf(link.atomUrl));
    const token = tokenOf(link.atomUrl);
    const [row] = await t.db
      .select()
      .from(cohortFeedToken)
      .where(and(eq(cohortFeedToken.cohortId, s.cohort.id), eq(cohortFeedToken.userId, s.participant.userId)));
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const status = await t.call('GET', `/api/cohorts/${s.cohort.id}/feed-link`, s.as.participant);
    expect(status.body).toEqual({ active: true, madeAt: link.madeAt });
    expect(JSON.stringify(status.body)).not.toContain(token);
  });

  it('serves the reflections its holder may read as Atom, signed out, and never private or chosen-people posts', async () => {
    const s = await scene();
    const { res, feed } = await atomOf((await s.makeLink()).atomUrl);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.body).not.toMatch(/Chosen-people|Only for Ana|private map diary|Only me/);
    const titles = feed.items.map((i) => i.title).sort();
    expect(titles).toEqual(
      [
        `Image search: ${s.participant.user.name}`,
        `Podcasts: ${s.otherParticipant.user.name}`,
        `Start a blog: ${s.participant.user.name}`,
      ].sort(),
    );
    const cohortPost = feed.items.find((i) => i.title?.startsWith('Start a blog'));
    expect(cohortPost?.link).toMatch(new RegExp(`^${BASE}/orgs/${s.org.id}/posts/`));
    expect(cohortPost?.author).toBe(s.participant.user.name);
    // The summary is plain text, escaped for Atom's type="html": a reader shows the script as words, never runs
    // it, and "]]>" cannot end the CDATA early.
    expect(cohortPost?.summary).toBe(
      'Blogging at last: For the cohort: &lt;script&gt;alert(1)&lt;/script&gt; &amp; a ]]&gt; in the middle.',
    );
    expect(res.body).not.toContain('<script>');
    const blogPost = feed.items.find((i) => i.title?.startsWith('Podcasts'));
    expect(blogPost?.link).toBe('https://ana.example/1');
    expect(blogPost?.summary).toBe('Podcasts, finally: I listened to three episodes on the bus.');
    expect(res.body).not.toContain(s.participant.user.email);
  });

  it('answers 304 to the same ETag and a new body when a reflection is shared', async () => {
    const s = await scene();
    const link = await s.makeLink();
    const first = await signedOut(link.atomUrl);
    const etag = first.headers.etag as string;
    expect((await signedOut(link.atomUrl, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await signedOut(link.atomUrl)).body).toBe(first.body);
    await t.callOk('POST', `/api/enrolments/${s.enrolment.id}/things/${s.things[4]?.id}/reflection`, s.as.participant, {
      kind: 'post',
      body: 'Photos, shared.',
      visibility: 'cohort',
    });
    const after = await signedOut(link.atomUrl, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Sharing photos');
  });

  it('stops the old link when a new one is made, and both when turned off', async () => {
    const s = await scene();
    const old = await s.makeLink();
    const fresh = await s.makeLink();
    expect((await signedOut(old.atomUrl)).statusCode).toBe(404);
    expect((await signedOut(old.opmlUrl)).statusCode).toBe(404);
    expect((await signedOut(fresh.atomUrl)).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/cohorts/${s.cohort.id}/feed-link`, s.as.participant)).status).toBe(204);
    const gone = await signedOut(fresh.atomUrl);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
    expect((await signedOut(fresh.opmlUrl)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/cohorts/${s.cohort.id}/feed-link`, s.as.participant)).body).toEqual({
      active: false,
      madeAt: null,
    });
  });

  it('answers unknown and malformed tokens with the same 404', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/api/cohort-feeds/${'A'.repeat(43)}/reflections.atom` });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/cohort-feeds/nope/blogs.opml' });
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json()).toEqual(unknown.json());
  });

  it('stops at once for a participant who left the cohort or the organisation', async () => {
    const s = await scene();
    const leaver = await s.makeLink();
    const removed = await s.makeLink(s.as.other);
    await t.callOk('POST', `/api/enrolments/${s.enrolment.id}/leave`, s.as.participant);
    expect((await signedOut(leaver.atomUrl)).statusCode).toBe(404);
    expect((await signedOut(leaver.opmlUrl)).statusCode).toBe(404);
    expect((await signedOut(removed.atomUrl)).statusCode).toBe(200);
    await t.db.delete(membership).where(eq(membership.id, s.otherParticipant.id));
    expect((await signedOut(removed.atomUrl)).statusCode).toBe(404);
  });

  it('is for the cohort’s participants and organisers only; another organisation finds no cohort', async () => {
    const s = await scene();
    // A post the participant shared with another cohort (one they were in before) is not this cohort's.
    const elsewhere = randomUUID();
    await t.db
      .insert(programmeCohort)
      .values({ id: elsewhere, programmeId: s.programme.id, name: 'Earlier', startsOn: '2026-10-05' });
    const [earlier] = await t.db
      .insert(post)
      .values({
        id: randomUUID(),
        organizationId: s.org.id,
        authorMemberId: s.participant.id,
        authorUserId: s.participant.userId,
        title: 'Shared with the earlier cohort',
        body: 'x',
        html: '<p>x</p>',
        visibility: 'cohort',
        cohortId: elsewhere,
      })
      .returning();
    const at = new Date();
    await t.db.insert(programmeProgress).values({
      enrolmentId: s.enrolment.id,
      thingId: s.things[4]?.id as string,
      triedAt: at,
      reflectedAt: at,
      reflectionPostId: earlier?.id,
    });
    const organiser = await s.makeLink(s.as.organiser);
    const { feed, res } = await atomOf(organiser.atomUrl);
    expect(res.body).not.toContain('earlier cohort');
    // Organisers read what the cohort shared, never a participant's private or chosen-people posts.
    expect(feed.items.map((i) => i.title)).toHaveLength(3);
    const url = `/api/cohorts/${s.cohort.id}/feed-link`;
    expect((await t.call('POST', url, s.as.bystander)).status).toBe(403);
    expect((await t.call('POST', url, s.as.outsider)).status).toBe(404);
    expect((await t.call('GET', url, s.as.outsider)).status).toBe(404);
    expect((await t.call('POST', url, {})).status).toBe(401);
    // An organiser who is no longer an L&D admin (and never took part) finds the link dead.
    await t.db.update(membership).set({ role: 'member' }).where(eq(membership.id, s.ownerMember.id));
    expect((await signedOut(organiser.atomUrl)).statusCode).toBe(404);
  });

  it('lists as OPML only the participants who registered a blog', async () => {
    const s = await scene();
    const res = await signedOut((await s.makeLink()).opmlUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/x-opml; charset=utf-8');
    const doc = convert(res.body, { format: 'object' }) as {
      opml: { '@version': string; head: { title: string }; body: { outline: Record<string, string> } };
    };
    expect(doc.opml['@version']).toBe('2.0');
    expect(doc.opml.head.title).toContain('Spring');
    // One outline: the other participant's blog; the participant registered none.
    expect(doc.opml.body.outline).toEqual({
      '@type': 'rss',
      '@text': `${s.otherParticipant.user.name}: Ana writes`,
      '@title': `${s.otherParticipant.user.name}: Ana writes`,
      '@xmlUrl': 'https://ana.example/feed',
      '@htmlUrl': 'https://ana.example/',
    });
    expect(
      (await signedOut((await s.makeLink()).opmlUrl, { 'if-none-match': res.headers.etag as string })).statusCode,
    ).toBe(304);
  });
});

describe('plainSummary', () => {
  it('reads sanitised HTML as one line of text, blocks apart and entities read', () => {
    expect(plainSummary('<p>One &amp; two</p><p>three &lt;b&gt;</p><ul><li>four</li></ul>')).toBe(
      'One & two three <b> four',
    );
    expect(plainSummary(`<p>${'word '.repeat(100)}</p>`)).toHaveLength(300);
  });
});
