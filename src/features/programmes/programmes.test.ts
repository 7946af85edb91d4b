import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notification, programmeEnrolment } from '../../db/schema/index.js';
import { type Cast, castCalls, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { starterProgramme } from './starter-programme.js';

const t = await createTestApp();

/** An admin's helpers: requests as the L&D admin that must succeed, and any request as anyone. */
function authoring(c: Cast) {
  const { call } = castCalls(t, c);
  const admin = async (method: string, url: string, payload?: object) => {
    const res = await call('admin', method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { call, admin };
}

/** Enrols a member of the cast in a programme directly (taking part is another slice's routes). */
async function enrol(c: Cast, programmeId: string, who: 'self' | 'otherMember', cohortId: string | null = null) {
  const member = c.members[who];
  await t.db.insert(programmeEnrolment).values({
    id: randomUUID(),
    programmeId,
    organizationId: c.org.id,
    memberId: member.id,
    userId: member.userId,
    cohortId,
    startedOn: '2026-12-01',
  });
}

const titles = (outline: Json) => outline.weeks.map((w: Json) => w.things.map((x: Json) => `${x.number} ${x.title}`));

/** A draft with two weeks and three things: A, B in week 1, C in week 2. */
async function threeThings(c: Cast) {
  const { admin } = authoring(c);
  let p = await admin('POST', `/api/orgs/${c.org.id}/programmes`, { title: 'Data in practice' });
  const [week1] = p.weeks;
  p = await admin('POST', `/api/programmes/${p.id}/weeks`, { title: 'Sharing' });
  const week2 = p.weeks[1];
  await admin('POST', `/api/programmes/${p.id}/things`, { weekId: week1.id, title: 'A' });
  await admin('POST', `/api/programmes/${p.id}/things`, { weekId: week1.id, title: 'B' });
  p = await admin('POST', `/api/programmes/${p.id}/things`, { weekId: week2.id, title: 'C', minutes: 30 });
  return p;
}

describe('writing a programme', () => {
  it('starts a draft with one week and a tag from its title', async () => {
    const c = await createCast(t);
    const p = await authoring(c).admin('POST', `/api/orgs/${c.org.id}/programmes`, {
      title: 'Learning out loud!',
      summary: 'Twelve things',
    });
    expect(p).toMatchObject({ status: 'draft', tag: '#learning-out-loud', selfPaced: 'weekly', version: 1 });
    expect(p.weeks).toHaveLength(1);
    const list = await authoring(c).admin('GET', `/api/orgs/${c.org.id}/programmes`);
    expect(list.programmes).toEqual([
      expect.objectContaining({ id: p.id, status: 'draft', weeks: 1, things: 0, cohorts: 0, participants: 0 }),
    ]);
  });

  it('numbers things through the programme and renumbers them when one moves or a week moves', async () => {
    const c = await createCast(t);
    const { admin } = authoring(c);
    let p = await threeThings(c);
    expect(titles(p)).toEqual([['1 A', '2 B'], ['3 C']]);
    const c3 = p.weeks[1].things[0];
    // C to the top of week 1.
    p = await admin('PATCH', `/api/programme-things/${c3.id}`, {
      version: c3.version,
      weekId: p.weeks[0].id,
      index: 0,
    });
    expect(titles(p)).toEqual([['1 C', '2 A', '3 B'], []]);
    // B down one place = into week 2 after moving week 2 first.
    p = await admin('PATCH', `/api/programme-weeks/${p.weeks[1].id}`, { position: 0, title: 'Start here' });
    expect(p.weeks.map((w: Json) => w.title)).toEqual(['Start here', '']);
    expect(titles(p)).toEqual([[], ['1 C', '2 A', '3 B']]);
    const a = p.weeks[1].things[1];
    p = await admin('PATCH', `/api/programme-things/${a.id}`, { version: a.version, index: 2 });
    expect(titles(p)).toEqual([[], ['1 C', '2 B', '3 A']]);
  });

  it('refuses links that are not http(s), naming the field, and keeps nothing', async () => {
    const c = await createCast(t);
    const { call } = authoring(c);
    const p = await threeThings(c);
    const res = await call('admin', 'POST', `/api/programmes/${p.id}/things`, {
      weekId: p.weeks[0].id,
      title: 'D',
      links: [{ title: 'x', url: 'javascript:alert(1)' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'links.0.url': 'A link is an http:// or https:// address.' });
    expect(titles((await call('admin', 'GET', `/api/programmes/${p.id}`)).body)).toEqual([['1 A', '2 B'], ['3 C']]);
  });

  it('answers a stale version with 409 and the current outline', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    const p = await threeThings(c);
    await admin('PATCH', `/api/programmes/${p.id}`, { version: p.version, summary: 'First' });
    const stale = await call('admin', 'PATCH', `/api/programmes/${p.id}`, { version: p.version, summary: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.summary).toBe('First');
    const thing = p.weeks[0].things[0];
    await admin('PATCH', `/api/programme-things/${thing.id}`, { version: thing.version, title: 'A1' });
    const again = await call('owner', 'PATCH', `/api/programme-things/${thing.id}`, {
      version: thing.version,
      title: 'A2',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.current.weeks[0].things[0].title).toBe('A1');
  });

  it('removes only an empty week', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    let p = await threeThings(c);
    expect((await call('admin', 'DELETE', `/api/programme-weeks/${p.weeks[0].id}`)).status).toBe(409);
    p = await admin('POST', `/api/programmes/${p.id}/weeks`, {});
    p = await admin('DELETE', `/api/programme-weeks/${p.weeks[2].id}`);
    expect(p.weeks).toHaveLength(2);
  });
});

describe('publishing', () => {
  it('refuses a programme without things, or with a week without things that is not a catch-up week', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    const empty = await admin('POST', `/api/orgs/${c.org.id}/programmes`, { title: 'Empty' });
    const refused = await call('admin', 'POST', `/api/programmes/${empty.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Add at least one thing before publishing.');

    let p = await threeThings(c);
    p = await admin('POST', `/api/programmes/${p.id}/weeks`, { title: 'Breather' });
    const weekless = await call('admin', 'POST', `/api/programmes/${p.id}/publish`);
    expect(weekless.status).toBe(409);
    expect(weekless.body.error.message).toMatch(/^Week 3 \(Breather\) has no things/);
    await admin('PATCH', `/api/programme-weeks/${p.weeks[2].id}`, { catchUp: true });
    const published = await admin('POST', `/api/programmes/${p.id}/publish`);
    expect(published.status).toBe('published');
    expect(published.publishedAt).toEqual(expect.any(String));
    expect((await admin('POST', `/api/programmes/${p.id}/archive`)).status).toBe('archived');
  });

  it('hides a draft from learners (404) and lets them not edit a published one (403)', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    const p = await threeThings(c);
    const draftAnswer = await call('self', 'GET', `/api/programmes/${p.id}`);
    expect(draftAnswer).toEqual(await call('self', 'GET', `/api/programmes/${randomUUID()}`));
    expect(draftAnswer.status).toBe(404);
    await admin('POST', `/api/programmes/${p.id}/publish`);
    const thing = p.weeks[0].things[0];
    const edit = await call('self', 'PATCH', `/api/programme-things/${thing.id}`, { version: 1, title: 'Mine' });
    expect(edit.status).toBe(403);
    expect((await call('self', 'POST', `/api/programmes/${p.id}/weeks`, {})).status).toBe(403);
  });

  it('answers another organisation’s ids with 404, as for missing ones', async () => {
    const c = await createCast(t);
    const p = await threeThings(c);
    await authoring(c).admin('POST', `/api/programmes/${p.id}/publish`);
    const other = await createCast(t);
    const thing = p.weeks[0].things[0];
    for (const [method, url, payload] of [
      ['GET', `/api/programmes/${p.id}`],
      ['GET', `/api/programmes/${p.id}/export`],
      ['POST', `/api/programmes/${p.id}/copy`],
      ['PATCH', `/api/programme-weeks/${p.weeks[0].id}`, { title: 'x' }],
      ['PATCH', `/api/programme-things/${thing.id}`, { version: 1, title: 'x' }],
      ['GET', `/api/programme-things/${thing.id}/revisions`],
    ] as const) {
      const res = await authoring(other).call('admin', method, url, payload);
      expect(res.status, url).toBe(404);
      expect(res.body.error.message, url).toBe('Programme was not found.');
    }
  });
});

describe('editing a released thing', () => {
  it('keeps the previous state as a revision and tells participants only when asked', async () => {
    const c = await createCast(t);
    const { admin } = authoring(c);
    let p = await threeThings(c);
    // A draft edit leaves no history.
    let thing = p.weeks[0].things[0];
    p = await admin('PATCH', `/api/programme-things/${thing.id}`, { version: thing.version, body: 'Draft words' });
    expect((await admin('GET', `/api/programme-things/${thing.id}/revisions`)).revisions).toEqual([]);

    p = await admin('POST', `/api/programmes/${p.id}/publish`);
    await enrol(c, p.id, 'self');
    thing = p.weeks[0].things[0];
    p = await admin('PATCH', `/api/programme-things/${thing.id}`, { version: thing.version, body: 'Quiet fix' });
    thing = p.weeks[0].things[0];
    p = await admin('PATCH', `/api/programme-things/${thing.id}`, {
      version: thing.version,
      task: 'A new task',
      tellParticipants: true,
    });
    const { revisions } = await admin('GET', `/api/programme-things/${thing.id}/revisions`);
    expect(revisions.map((r: Json) => [r.version, r.snapshot.body, r.participantsTold])).toEqual([
      [3, 'Quiet fix', true],
      [2, 'Draft words', false],
    ]);
    expect(revisions[0].editedBy).toBe(c.people.admin.name);

    const told = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(told.map((n) => [n.title, n.link])).toEqual([
      ['“A” has changed', `/orgs/${c.org.id}/programmes/${p.id}/things/${thing.id}`],
    ]);
    const others = await t.db.select().from(notification).where(eq(notification.userId, c.people.otherMember.id));
    expect(others).toEqual([]);
  });
});

describe('copy, export and import', () => {
  it('copies weeks and things into a new draft, without cohorts', async () => {
    const c = await createCast(t);
    const { admin } = authoring(c);
    const p = await threeThings(c);
    await admin('POST', `/api/programmes/${p.id}/cohorts`, { name: 'Spring', startsOn: '2027-03-01' });
    await admin('POST', `/api/programmes/${p.id}/publish`);
    const copy = await admin('POST', `/api/programmes/${p.id}/copy`);
    expect(copy).toMatchObject({ title: 'Copy of Data in practice', status: 'draft' });
    expect(copy.id).not.toBe(p.id);
    expect(titles(copy)).toEqual(titles(p));
    expect((await admin('GET', `/api/programmes/${copy.id}/cohorts`)).cohorts).toEqual([]);
  });

  it('round-trips an export through an import, and the starter programme too', async () => {
    const c = await createCast(t);
    const { admin } = authoring(c);
    const p = await threeThings(c);
    const exported = await admin('GET', `/api/programmes/${p.id}/export`);
    expect(exported).toMatchObject({ format: 'waymark-programme', version: 1 });
    expect(JSON.stringify(exported)).not.toContain(c.org.id);
    expect(JSON.stringify(exported)).not.toContain(p.id);
    const imported = await admin('POST', `/api/orgs/${c.org.id}/programmes/import`, exported);
    expect(imported.status).toBe('draft');
    expect(await admin('GET', `/api/programmes/${imported.id}/export`)).toEqual(exported);

    const starter = await admin('POST', `/api/orgs/${c.org.id}/programmes/starter`);
    expect(starter).toMatchObject({ title: 'Learning out loud in 12 things', status: 'draft' });
    expect(starter.weeks.flatMap((w: Json) => w.things)).toHaveLength(12);
    expect(starter.weeks.filter((w: Json) => w.catchUp)).toHaveLength(1);
    const starterDoc = await admin('GET', `/api/programmes/${starter.id}/export`);
    const again = await admin('POST', `/api/orgs/${c.org.id}/programmes/import`, starterDoc);
    expect(await admin('GET', `/api/programmes/${again.id}/export`)).toEqual(starterDoc);
    expect(starterDoc.weeks.map((w: Json) => w.title)).toEqual(starterProgramme.weeks.map((w) => w.title));
    // The starter can be published as it comes.
    expect((await admin('POST', `/api/programmes/${starter.id}/publish`)).status).toBe('published');
  });

  it('names the failing fields of a bad import by their path and writes nothing', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    const before = (await admin('GET', `/api/orgs/${c.org.id}/programmes`)).programmes.length;
    const doc = structuredClone(starterProgramme) as Json;
    doc.weeks[1].things[0].title = '';
    doc.weeks[0].things[1].links = [{ title: 'Bad', url: 'ftp://example.org' }];
    const res = await call('admin', 'POST', `/api/orgs/${c.org.id}/programmes/import`, doc);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'weeks[1].things[0].title': 'Give the thing a title.',
      'weeks[0].things[1].links[0].url': 'A link is an http:// or https:// address.',
    });
    const wrong = await call('admin', 'POST', `/api/orgs/${c.org.id}/programmes/import`, { format: 'other' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.format).toBe('This is not a Waymark programme (format).');
    expect((await admin('GET', `/api/orgs/${c.org.id}/programmes`)).programmes).toHaveLength(before);
  });
});

describe('cohorts', () => {
  it('checks capacity and the last day to join, counts participants, and keeps a cohort people joined', async () => {
    const c = await createCast(t);
    const { admin, call } = authoring(c);
    const p = await threeThings(c);
    const url = `/api/programmes/${p.id}/cohorts`;
    const noRoom = await call('admin', 'POST', url, { name: 'Spring', startsOn: '2027-03-01', capacity: 0 });
    expect(noRoom.status).toBe(400);
    expect(noRoom.body.error.fields).toHaveProperty('capacity');
    // Two weeks: the programme's last day is 13 days after the start.
    const late = await call('admin', 'POST', url, { name: 'Spring', startsOn: '2027-03-01', joinBy: '2027-03-15' });
    expect(late.status).toBe(400);
    expect(late.body.error.fields.joinBy).toMatch(/2027-03-14/);
    const cohort = await admin('POST', url, {
      name: 'Spring',
      startsOn: '2027-03-01',
      joinBy: '2027-03-14',
      capacity: 2,
    });
    expect(cohort).toMatchObject({ name: 'Spring', capacity: 2, joinBy: '2027-03-14', participants: 0 });
    const changed = await admin('PATCH', `/api/programme-cohorts/${cohort.id}`, { name: 'Spring 2027' });
    expect(changed).toMatchObject({ name: 'Spring 2027', capacity: 2, startsOn: '2027-03-01' });

    await admin('POST', `/api/programmes/${p.id}/publish`);
    await enrol(c, p.id, 'self', cohort.id);
    await enrol(c, p.id, 'otherMember', cohort.id);
    expect((await admin('GET', url)).cohorts).toEqual([expect.objectContaining({ id: cohort.id, participants: 2 })]);
    const shrink = await call('admin', 'PATCH', `/api/programme-cohorts/${cohort.id}`, { capacity: 1 });
    expect(shrink.status).toBe(400);
    const refused = await call('admin', 'DELETE', `/api/programme-cohorts/${cohort.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/People have joined this cohort/);
    // A learner may not change it (they see published programmes' cohorts exist).
    expect((await call('self', 'PATCH', `/api/programme-cohorts/${cohort.id}`, { name: 'x' })).status).toBe(403);

    const empty = await admin('POST', url, { name: 'Autumn', startsOn: '2027-09-06' });
    expect((await call('admin', 'DELETE', `/api/programme-cohorts/${empty.id}`)).status).toBe(204);
    expect((await admin('GET', url)).cohorts.map((x: Json) => x.name)).toEqual(['Spring 2027']);
    expect((await admin('GET', `/api/orgs/${c.org.id}/programmes`)).programmes[0]).toMatchObject({
      cohorts: 1,
      participants: 2,
    });
  });
});
