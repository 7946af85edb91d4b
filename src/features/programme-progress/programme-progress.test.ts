import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notification, programmeBlogFeed, programmeFeedItem } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import {
  createCohort,
  createProgramme,
  enrolAll,
  type Participant,
  recordProgress,
  reflectionPost,
  setTimeZones,
} from '../../test/programme-progress-fixture.js';
import { localDatePlus } from '../../test/reminder-clock.js';

const t = await createTestApp();

const asPerson = (m: { id: string; userId: string }): Participant => ({ memberId: m.id, userId: m.userId });

/**
 * An organisation with a published programme of three weeks (2 things each) and a cohort that started three
 * weeks ago (so every week is out): Ada tried and reflected on thing 1 privately and thing 2 with her cohort;
 * Ben tried thing 1 and linked his blog for thing 2; Cy did nothing. Dee is self-paced and did thing 1.
 */
async function programmeWithProgress() {
  const c = await createCast(t);
  const ada = await addMember(t.db, c.org, { name: 'Ada Lovelace' });
  const ben = await addMember(t.db, c.org, { name: 'Ben Okri' });
  const cy = await addMember(t.db, c.org, { name: 'Cy Twombly' });
  const dee = await addMember(t.db, c.org, { name: 'Dee Rees' });
  const fx = await createProgramme(t.db, c.org.id, { title: 'Library 23 things', behindAfterDays: 7 });
  const started = localDatePlus('UTC', -21);
  const cohort = await createCohort(t.db, fx.programme.id, started);
  const [eAda, eBen, eCy] = await enrolAll(t.db, fx.programme, [ada, ben, cy].map(asPerson), {
    cohortId: cohort.id,
    startedOn: started,
  });
  const [eDee] = await enrolAll(t.db, fx.programme, [asPerson(dee)], { startedOn: localDatePlus('UTC', -1) });
  const [t1, t2] = fx.things;
  const secret = await reflectionPost(t.db, c.org.id, asPerson(ada), {
    visibility: 'private',
    body: 'My secret worries about the catalogue',
  });
  const shared = await reflectionPost(t.db, c.org.id, asPerson(ada), { visibility: 'cohort', cohortId: cohort.id });
  const at = new Date();
  const id = (e: { id: string } | undefined) => e?.id as string;
  await recordProgress(t.db, [
    { enrolmentId: id(eAda), thingId: id(t1), triedAt: at, reflectedAt: at, reflectionPostId: secret.id },
    { enrolmentId: id(eAda), thingId: id(t2), triedAt: at, reflectedAt: at, reflectionPostId: shared.id },
    { enrolmentId: id(eBen), thingId: id(t1), triedAt: at },
    { enrolmentId: id(eBen), thingId: id(t2), triedAt: at, reflectedAt: at, reflectionUrl: 'https://ben.example/t2' },
    { enrolmentId: id(eDee), thingId: id(t1), triedAt: at, reflectedAt: at, reflectionUrl: 'https://dee.example/1' },
  ]);
  return { c, fx, cohort, people: { ada, ben, cy, dee }, enrolments: { eAda, eBen, eCy, eDee }, secret, shared };
}

const url = (programmeId: string, rest = '') => `/api/programmes/${programmeId}/progress${rest}`;

describe("organisers' progress grid", () => {
  it('shows every participant thing by thing, a private reflection as private and never its text', async () => {
    const { c, fx, shared } = await programmeWithProgress();
    const res = await t.call('GET', url(fx.programme.id), c.as('admin') as Record<string, string>);
    expect(res.status).toBe(200);
    // Numbered from 1 as participants see them, though authoring stores 0-based positions.
    expect(res.body.things.map((x: { number: number }) => x.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const byName = Object.fromEntries(res.body.participants.map((p: { name: string }) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(['Ada Lovelace', 'Ben Okri', 'Cy Twombly', 'Dee Rees']);
    const states = (name: string) => byName[name].things.map((x: { state: string }) => x.state);
    expect(states('Ada Lovelace')).toEqual(['reflected_private', 'reflected', ...Array(4).fill('not_started')]);
    expect(byName['Ada Lovelace'].things[0].reflectionUrl).toBeNull();
    expect(byName['Ada Lovelace'].things[1].reflectionUrl).toBe(`/orgs/${c.org.id}/posts/${shared.id}`);
    expect(states('Ben Okri').slice(0, 2)).toEqual(['tried', 'reflected']);
    expect(byName['Ben Okri'].things[1].reflectionUrl).toBe('https://ben.example/t2');
    expect(JSON.stringify(res.body)).not.toContain('secret worries');
    expect(byName['Dee Rees'].cohortName).toBeNull();
  });

  it('links a participant with a blog to what Waymark read from it, for the programme’s organisers only', async () => {
    const { c, fx, enrolments } = await programmeWithProgress();
    const ben = enrolments.eBen?.id as string;
    await t.db.insert(programmeBlogFeed).values({
      enrolmentId: ben,
      feedUrl: 'https://ben.example/feed',
      title: 'Ben builds',
      lastError: 'Your blog answered 503: it may be down for a while.',
      lastErrorAt: new Date('2026-12-01T09:00:00Z'),
    });
    await t.db.insert(programmeFeedItem).values({
      id: randomUUID(),
      enrolmentId: ben,
      guid: 'ben-2',
      link: 'https://ben.example/t2',
      title: 'Thing 2, done',
      publishedAt: new Date('2026-11-30T10:00:00Z'),
      thingId: fx.things[1]?.id,
      accepted: true,
    });
    const res = await t.call('GET', url(fx.programme.id), c.as('admin') as Record<string, string>);
    const hasBlog = Object.fromEntries(
      res.body.participants.map((p: { name: string; hasBlog: boolean }) => [p.name, p.hasBlog]),
    );
    expect(hasBlog).toEqual({ 'Ada Lovelace': false, 'Ben Okri': true, 'Cy Twombly': false, 'Dee Rees': false });

    const blog = await t.call('GET', `/api/enrolments/${ben}/blog`, c.as('admin') as Record<string, string>);
    expect(blog.status).toBe(200);
    expect(blog.body).toMatchObject({
      participantName: 'Ben Okri',
      canChange: false,
      feed: { title: 'Ben builds', lastError: 'Your blog answered 503: it may be down for a while.' },
      items: [{ title: 'Thing 2, done', publishedAt: '2026-11-30T10:00:00.000Z', thingId: fx.things[1]?.id }],
    });
    for (const kind of ['otherMember', 'supervisor', 'outsider'] as const) {
      expect((await t.call('GET', `/api/enrolments/${ben}/blog`, c.as(kind) as Record<string, string>)).status).toBe(
        404,
      );
    }
  });

  it('counts the funnel per thing and who is behind, and filters to those behind', async () => {
    const { c, fx } = await programmeWithProgress();
    const admin = c.as('admin') as Record<string, string>;
    const all = (await t.call('GET', url(fx.programme.id), admin)).body;
    expect(all.funnel.slice(0, 3).map((f: { enrolled: number; tried: number; reflected: number }) => f)).toEqual([
      { thingId: fx.things[0]?.id, enrolled: 4, tried: 3, reflected: 2 },
      { thingId: fx.things[1]?.id, enrolled: 4, tried: 2, reflected: 2 },
      { thingId: fx.things[2]?.id, enrolled: 4, tried: 0, reflected: 0 },
    ]);
    // The cohort began 21 days ago: thing 1 undone makes Ben and Cy 21 days behind; Ada's oldest undone is in
    // week 2 (14 days); Dee began yesterday, on her own, and is 1 day behind with thing 2.
    const days = Object.fromEntries(
      all.participants.map((p: { name: string; daysBehind: number }) => [p.name, p.daysBehind]),
    );
    expect(days).toEqual({ 'Ada Lovelace': 14, 'Ben Okri': 21, 'Cy Twombly': 21, 'Dee Rees': 1 });
    expect(all.totals).toEqual({ participants: 4, behind: 3, completed: 0 });
    const behind = (await t.call('GET', url(fx.programme.id, '?filter=behind'), admin)).body;
    expect(behind.participants.map((p: { name: string }) => p.name)).toEqual([
      'Ada Lovelace',
      'Ben Okri',
      'Cy Twombly',
    ]);
  });

  it('filters to one cohort (participants, totals and funnel)', async () => {
    const { c, fx } = await programmeWithProgress();
    const other = await createCohort(t.db, fx.programme.id, localDatePlus('UTC', 0), 'Autumn cohort');
    const eve = await addMember(t.db, c.org, { name: 'Eve Arnold' });
    await enrolAll(t.db, fx.programme, [asPerson(eve)], { cohortId: other.id, startedOn: other.startsOn });
    const res = await t.call(
      'GET',
      url(fx.programme.id, `?cohortId=${other.id}`),
      c.as('owner') as Record<string, string>,
    );
    expect(res.body.participants.map((p: { name: string }) => p.name)).toEqual(['Eve Arnold']);
    expect(res.body.totals).toEqual({ participants: 1, behind: 0, completed: 0 });
    expect(res.body.funnel[0]).toMatchObject({ enrolled: 1, tried: 0, reflected: 0 });
    const unknown = await t.call(
      'GET',
      url(fx.programme.id, `?cohortId=${randomUUID()}`),
      c.as('owner') as Record<string, string>,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('cohortId');
  });

  it("counts days behind in each participant's own time zone", async () => {
    const c = await createCast(t);
    // Kiritimati (UTC+14) is always at least a day ahead of Pago Pago (UTC−11).
    const east = await addMember(t.db, c.org, { name: 'East' });
    const west = await addMember(t.db, c.org, { name: 'West' });
    await setTimeZones(t.db, [
      { userId: east.userId, timeZone: 'Pacific/Kiritimati' },
      { userId: west.userId, timeZone: 'Pacific/Pago_Pago' },
    ]);
    const fx = await createProgramme(t.db, c.org.id, { behindAfterDays: 7 });
    const cohort = await createCohort(t.db, fx.programme.id, localDatePlus('Pacific/Kiritimati', -7));
    await enrolAll(t.db, fx.programme, [asPerson(east), asPerson(west)], {
      cohortId: cohort.id,
      startedOn: cohort.startsOn,
    });
    const res = await t.call('GET', url(fx.programme.id), c.as('admin') as Record<string, string>);
    const [e, w] = res.body.participants;
    expect(e).toMatchObject({ name: 'East', daysBehind: 7, behind: true });
    expect(w.name).toBe('West');
    expect(w.behind).toBe(false);
    expect(w.daysBehind).toBeLessThan(7);
  });

  it('pages by a keyset cursor, 100 at a time', async () => {
    const c = await createCast(t);
    const fx = await createProgramme(t.db, c.org.id, { weeks: [1] });
    const people = [];
    for (let i = 0; i < 101; i += 1)
      people.push(asPerson(await addMember(t.db, c.org, { name: `P${String(i).padStart(3, '0')}` })));
    await enrolAll(t.db, fx.programme, people, { startedOn: localDatePlus('UTC', 0) });
    const admin = c.as('admin') as Record<string, string>;
    const first = (await t.call('GET', url(fx.programme.id), admin)).body;
    expect(first.participants).toHaveLength(100);
    const second = (await t.call('GET', url(fx.programme.id, `?cursor=${first.nextCursor}`), admin)).body;
    expect(second.participants.map((p: { name: string }) => p.name)).toEqual(['P100']);
    expect(second.nextCursor).toBeNull();
    const bad = await t.call('GET', url(fx.programme.id, '?cursor=nonsense'), admin);
    expect(bad.status).toBe(400);
  });
});

describe('the progress CSV', () => {
  it('has a row per participant and a column per thing, states only, named after the programme', async () => {
    const { c, fx } = await programmeWithProgress();
    const res = await t.app.inject({ method: 'GET', url: url(fx.programme.id, '.csv'), headers: c.as('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Library 23 things – progress.csv'));
    const rows = parse(res.body) as string[][];
    expect(rows[0]).toEqual([
      'Name',
      'Cohort',
      'Enrolled on',
      'Status',
      'Days behind',
      'Completed on',
      '1. Thing 1',
      '2. Thing 2',
      '3. Thing 3',
      '4. Thing 4',
      '5. Thing 5',
      '6. Thing 6',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[1]?.slice(0, 2)).toEqual(['Ada Lovelace', 'Spring cohort']);
    expect(rows[1]?.slice(6, 9)).toEqual(['Reflected (private)', 'Reflected', 'Not started']);
    expect(res.body).not.toContain('secret worries');
  });
});

describe('nudging participants', () => {
  it('nudges those behind once a day, even when two organisers click at once, in the app and by e-mail', async () => {
    const { c, fx, people } = await programmeWithProgress();
    const sentBefore = t.mailer.sent.length;
    const [a, b] = await Promise.all([
      t.call('POST', `/api/programmes/${fx.programme.id}/nudges`, c.as('admin') as Record<string, string>, {}),
      t.call('POST', `/api/programmes/${fx.programme.id}/nudges`, c.as('owner') as Record<string, string>, {}),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.nudged + b.body.nudged).toBe(3);
    expect(a.body.skipped.nudgedToday + b.body.skipped.nudgedToday).toBe(3);
    expect([...a.body.skipped.nudgedTodayNames, ...b.body.skipped.nudgedTodayNames].sort()).toEqual([
      'Ada Lovelace',
      'Ben Okri',
      'Cy Twombly',
    ]);
    const nudged = await t.db.select().from(notification).where(eq(notification.kind, 'programme_nudge'));
    const mine = nudged.filter((n) => [people.ada, people.ben, people.cy].some((p) => p.userId === n.userId));
    expect(mine).toHaveLength(3);
    const mails = t.mailer.sent.slice(sentBefore).filter((m) => m.to === people.cy.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.headers?.['List-Unsubscribe']).toContain('/api/unsubscribe?token=');

    // Once more the same day: nobody is nudged, and those skipped are named in alphabetical order.
    const third = await t.call(
      'POST',
      `/api/programmes/${fx.programme.id}/nudges`,
      c.as('admin') as Record<string, string>,
      {},
    );
    expect(third.body).toEqual({
      nudged: 0,
      skipped: { nudgedToday: 3, nudgedTodayNames: ['Ada Lovelace', 'Ben Okri', 'Cy Twombly'], notTakingPart: 0 },
    });

    const again = await t.call(
      'POST',
      `/api/programmes/${fx.programme.id}/nudges`,
      c.as('admin') as Record<string, string>,
      {
        memberIds: [people.dee.id, people.ada.id, randomUUID()],
      },
    );
    // Chosen people: Dee (not behind, but chosen) is nudged; Ada was nudged today and is named as skipped.
    expect(again.body).toEqual({
      nudged: 1,
      skipped: { nudgedToday: 1, nudgedTodayNames: ['Ada Lovelace'], notTakingPart: 1 },
    });
  });

  it('e-mails no one who turned nudges off', async () => {
    const { c, fx, people } = await programmeWithProgress();
    const cookie = await t.sessionFor(people.cy.userId);
    const settings = await t.callOk('GET', '/api/settings', { cookie });
    await t.callOk(
      'PATCH',
      '/api/settings',
      { cookie },
      { emailOptOut: ['programme_nudge'], version: settings.version },
    );
    const sentBefore = t.mailer.sent.length;
    await t.callOk('POST', `/api/programmes/${fx.programme.id}/nudges`, c.as('admin') as Record<string, string>, {
      memberIds: [people.cy.id],
    });
    expect(t.mailer.sent.slice(sentBefore).filter((m) => m.to === people.cy.user.email)).toHaveLength(0);
    const [row] = await t.db.select().from(notification).where(eq(notification.userId, people.cy.userId));
    expect(row?.kind).toBe('programme_nudge');
  });
});

describe('who may see progress', () => {
  it("answers 404 for another organisation's programme and 403 to a learner of a published one", async () => {
    const { c, fx, people } = await programmeWithProgress();
    const elsewhere = await createOrg(t.db);
    const theirs = await createProgramme(t.db, elsewhere.org.id);
    const admin = c.as('admin') as Record<string, string>;
    expect((await t.call('GET', url(theirs.programme.id), admin)).status).toBe(404);
    expect((await t.call('POST', `/api/programmes/${theirs.programme.id}/nudges`, admin, {})).status).toBe(404);
    const learner = { cookie: await t.sessionFor(people.ada.userId) };
    expect((await t.call('GET', url(fx.programme.id), learner)).status).toBe(403);
    expect((await t.call('GET', url(fx.programme.id, '.csv'), learner)).status).toBe(403);
    const draft = await createProgramme(t.db, c.org.id, { status: 'draft', publishedAt: null });
    expect((await t.call('GET', url(draft.programme.id), learner)).status).toBe(404);
  });
});
