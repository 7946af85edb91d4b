import { addDays, format } from 'date-fns';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evidence, goal, notification } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';
import { actorOf, createCohort, createProgramme, setTimeZone } from '../../test/programme-fixture.js';
import { getPost } from '../posts/index.js';
import { listCohortParticipants, listCohortReflections } from './cohort-pages.js';
import { enrol, leaveProgramme, listCatalogue, programmeOverview } from './enrolments.service.js';
import { getEnrolment, getThing, markTried } from './participation.service.js';
import { countWords, reflectOnThing } from './reflections.js';

const t = await createTestApp();

/** An organisation with two learners and an L&D admin, and a programme of weeks [2 things, 2, catch-up, 2]. */
async function setting(overrides: Parameters<typeof createProgramme>[2] = {}) {
  const { org } = await createOrg(t.db);
  const [ana, ben, cai, admin] = await Promise.all([
    addMember(t.db, org, { name: 'Ana' }),
    addMember(t.db, org, { name: 'Ben' }),
    addMember(t.db, org, { name: 'Cai' }),
    addMember(t.db, org, { role: 'admin' }),
  ]);
  const made = await createProgramme(t.db, org, {
    weeks: [{ things: 2 }, { things: 2 }, { catchUp: true }, { things: 2 }],
    ...overrides,
  });
  return { org, ana, ben, cai, admin, ...made };
}

const at = (iso: string) => new Date(iso);
const reasonOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason as { code: string; message: string }) : undefined;

describe('the catalogue and a programme page', () => {
  it('lists published programmes with sizes, open cohorts and the viewer’s enrolment; drafts are previews for organisers only', async () => {
    const s = await setting();
    const draft = await createProgramme(t.db, s.org, { status: 'draft', title: 'Draft' });
    const open = await createCohort(t.db, s.programme.id, { name: 'Open', capacity: 10, joinBy: '2027-03-05' });
    await createCohort(t.db, s.programme.id, { name: 'Closed', joinBy: '2027-01-01' });
    const now = at('2027-02-20T10:00:00Z');
    await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: open.id, addGoal: false }, now);

    const list = await listCatalogue(t.ctx, actorOf(s.ana), s.org.id, now);
    expect(list.map((p) => p.title)).toEqual([s.programme.title]);
    expect(list[0]).toMatchObject({ weeks: 4, things: 6, totalMinutes: 120, selfPaced: true });
    expect(list[0]?.cohorts).toEqual([expect.objectContaining({ name: 'Open', placesLeft: 9 })]);
    expect(list[0]?.enrolment).toMatchObject({ cohortId: open.id, status: 'active' });

    const page = await programmeOverview(t.ctx, actorOf(s.ben), s.programme.id, now);
    expect(page.organisersSee).toMatch(/^Organisers see which things you marked tried and reflected on/);
    expect(page.weeks.map((w) => w.things.length)).toEqual([2, 2, 0, 2]);
    expect(page.preview).toBeNull();
    await expect(programmeOverview(t.ctx, actorOf(s.ben), draft.programme.id, now)).rejects.toMatchObject({
      code: 'not_found',
    });
    const preview = await programmeOverview(t.ctx, actorOf(s.admin), draft.programme.id, now);
    expect(preview.preview).toBe('Preview: learners see this once it is published');
    expect(preview.weeks[1]?.releasedOn).toBe('2027-02-27');
  });
});

describe('enrolling', () => {
  it('people enrolling at once into the last places: only as many as there are places get in, the others are told it is full', async () => {
    const s = await setting();
    const cohort = await createCohort(t.db, s.programme.id, { name: 'Small', capacity: 2 });
    const now = at('2027-02-20T10:00:00Z');
    await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: false }, now);
    // Many at once, so that on PostgreSQL their transactions overlap: without the cohort's lock, more get in.
    const crowd = await Promise.all(Array.from({ length: 8 }, () => addMember(t.db, s.org)));
    const results = await Promise.allSettled(
      crowd.map((m) => enrol(t.ctx, actorOf(m), s.programme.id, { cohortId: cohort.id, addGoal: false }, now)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => reasonOf(r) ?? []);
    expect(refusals).toHaveLength(7);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'conflict', message: 'Small is full.' });
    const people = await listCohortParticipants(t.ctx, actorOf(s.ana), cohort.id);
    expect(people.participants).toHaveLength(2);
  });

  it('refuses a cohort past its join-by date, enrolling alone when only cohorts run, and answers a second enrolment with the first', async () => {
    const s = await setting({ selfPaced: 'off' });
    const cohort = await createCohort(t.db, s.programme.id, { name: 'Spring', joinBy: '2027-02-28' });
    await expect(
      enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: false }, at('2027-03-01T09:00:00Z')),
    ).rejects.toMatchObject({ code: 'conflict', message: 'Spring closed to new participants on 2027-02-28.' });
    await expect(enrol(t.ctx, actorOf(s.ana), s.programme.id, { addGoal: false })).rejects.toMatchObject({
      code: 'validation',
      fields: { cohortId: 'Choose a cohort: this programme runs in cohorts only.' },
    });
    const first = await enrol(
      t.ctx,
      actorOf(s.ana),
      s.programme.id,
      { cohortId: cohort.id, addGoal: false },
      at('2027-02-27T09:00:00Z'),
    );
    await expect(
      enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: false }, at('2027-02-27T09:00:00Z')),
    ).rejects.toMatchObject({ code: 'conflict', details: { current: { id: first.id } } });
  });

  it('starts a self-paced learner on their own local date; leaving keeps progress and rejoining picks it up', async () => {
    const s = await setting();
    await setTimeZone(t.db, s.ana.user.id, 'Pacific/Auckland');
    // 13:00 UTC on 9 June is already 10 June in Auckland.
    const now = at('2027-06-09T13:00:00Z');
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { addGoal: false }, now);
    expect(e.startedOn).toBe('2027-06-10');
    const view = await getEnrolment(t.ctx, actorOf(s.ana), e.id, now);
    expect(view.things.filter((x) => x.released).map((x) => x.number)).toEqual([1, 2]);
    expect(view.next?.label).toBe('Thing 3 on Thursday 17 June');
    const thing1 = s.things[0]?.id as string;
    await markTried(t.ctx, actorOf(s.ana), e.id, thing1, true, now);
    await leaveProgramme(t.ctx, actorOf(s.ana), e.id);
    await expect(markTried(t.ctx, actorOf(s.ana), e.id, thing1, false, now)).rejects.toMatchObject({
      code: 'conflict',
    });
    const again = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { addGoal: false }, at('2027-06-20T09:00:00Z'));
    expect(again).toMatchObject({ id: e.id, status: 'active' });
    const back = await getEnrolment(t.ctx, actorOf(s.ana), e.id, at('2027-06-20T09:00:00Z'));
    expect(back.things[0]?.triedAt).not.toBeNull();
  });
});

describe('this week', () => {
  it('releases a cohort’s weeks on Monday in each participant’s own time zone', async () => {
    const s = await setting();
    const cohort = await createCohort(t.db, s.programme.id, { startsOn: '2027-03-01' });
    await setTimeZone(t.db, s.ana.user.id, 'Europe/Helsinki');
    await setTimeZone(t.db, s.ben.user.id, 'America/Los_Angeles');
    const before = at('2027-02-20T10:00:00Z');
    const ana = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: false }, before);
    const ben = await enrol(t.ctx, actorOf(s.ben), s.programme.id, { cohortId: cohort.id, addGoal: false }, before);
    // Sunday 7 March, 23:30 UTC: Monday 8 March in Helsinki, still Sunday in Los Angeles.
    const now = at('2027-03-07T23:30:00Z');
    const inHelsinki = await getEnrolment(t.ctx, actorOf(s.ana), ana.id, now);
    const inLa = await getEnrolment(t.ctx, actorOf(s.ben), ben.id, now);
    expect(inHelsinki.releasedCount).toBe(4);
    expect(inHelsinki.next?.label).toBe('Thing 5 on Monday 22 March');
    expect(inLa.releasedCount).toBe(2);
    expect(inLa.next?.label).toBe('Thing 3 on Monday 8 March');
    await expect(getThing(t.ctx, actorOf(s.ben), ben.id, s.things[2]?.id as string, now)).rejects.toMatchObject({
      code: 'not_found',
      message: 'Thing 3 is not released yet: it comes on Monday 8 March.',
    });
    const thing = await getThing(t.ctx, actorOf(s.ana), ana.id, s.things[2]?.id as string, now);
    expect(thing.html).toContain('<strong>reflect</strong>');
    expect(thing.html).not.toContain('<script');
  });

  it('a late joiner is behind from the start, in a catch-up week, and "Catch up" takes them to the oldest thing left', async () => {
    const s = await setting();
    const cohort = await createCohort(t.db, s.programme.id, { startsOn: '2027-03-01' });
    const now = at('2027-03-17T09:00:00Z');
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: false }, now);
    const view = await getEnrolment(t.ctx, actorOf(s.ana), e.id, now);
    expect(view).toMatchObject({
      releasedCount: 4,
      daysBehind: 16,
      behind: true,
      inCatchUpWeek: true,
      inLastWeek: false,
    });
    expect(view.catchUp).toMatchObject({ number: 1 });
    const [first, second] = s.things;
    await reflectOnThing(
      t.ctx,
      actorOf(s.ana),
      e.id,
      first?.id as string,
      { kind: 'link', url: 'https://blog.example/1' },
      now,
    );
    const after = await getEnrolment(t.ctx, actorOf(s.ana), e.id, now);
    expect(after.catchUp).toMatchObject({ thingId: second?.id, number: 2 });
    expect(after.doneCount).toBe(1);
    expect(after.things[0]?.reflection).toMatchObject({
      url: 'https://blog.example/1',
      link: 'https://blog.example/1',
    });
    const last = await getEnrolment(t.ctx, actorOf(s.ana), e.id, at('2027-03-22T09:00:00Z'));
    expect(last).toMatchObject({ inLastWeek: true, inCatchUpWeek: false, next: null });
  });
});

describe('reflections', () => {
  it('counts words as people do and asks for the thing’s minimum', async () => {
    expect(countWords("Ana's well-known tool, tried twice: 2 times!")).toBe(7);
    const s = await setting({ weeks: [{ things: 1, minWords: 150 }] });
    const now = at('2027-04-01T09:00:00Z');
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { addGoal: false }, now);
    const body = Array.from({ length: 97 }, (_, i) => `word${i}`).join(' ');
    await expect(
      reflectOnThing(
        t.ctx,
        actorOf(s.ana),
        e.id,
        s.things[0]?.id as string,
        { kind: 'post', title: '', body, visibility: 'private' },
        now,
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { body: 'At least 150 words: you have 97.' } });
    await expect(
      reflectOnThing(
        t.ctx,
        actorOf(s.ana),
        e.id,
        s.things[0]?.id as string,
        { kind: 'post', title: '', body: `${body} ${body}`, visibility: 'cohort' },
        now,
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { visibility: expect.stringMatching(/on your own/) } });
  });

  it('a reflection shared with the cohort is seen by its participants and organisers, not by another cohort or a non-participant', async () => {
    const s = await setting();
    const spring = await createCohort(t.db, s.programme.id, { name: 'Spring', startsOn: '2027-03-01' });
    const autumn = await createCohort(t.db, s.programme.id, { name: 'Autumn', startsOn: '2027-03-01' });
    const outsider = await addMember(t.db, s.org);
    const now = at('2027-03-02T09:00:00Z');
    const ana = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: spring.id, addGoal: false }, now);
    await enrol(t.ctx, actorOf(s.ben), s.programme.id, { cohortId: spring.id, addGoal: false }, now);
    await enrol(t.ctx, actorOf(s.cai), s.programme.id, { cohortId: autumn.id, addGoal: false }, now);
    const thingId = s.things[0]?.id as string;
    const view = await reflectOnThing(
      t.ctx,
      actorOf(s.ana),
      ana.id,
      thingId,
      { kind: 'post', title: '', body: 'It surprised me how quick it was.', visibility: 'cohort' },
      now,
    );
    const postId = view.things[0]?.reflection?.postId as string;
    expect(view.things[0]).toMatchObject({ done: true });

    const seen = await listCohortReflections(t.ctx, actorOf(s.ben), spring.id, thingId);
    expect(seen.posts.map((p) => [p.id, p.title, p.visibility])).toEqual([[postId, 'Thing 1: Thing 1', 'cohort']]);
    expect((await listCohortReflections(t.ctx, actorOf(s.admin), spring.id, thingId)).posts).toHaveLength(1);
    const people = await listCohortParticipants(t.ctx, actorOf(s.ben), spring.id);
    expect(people.participants.map((p) => [p.name, p.doneCount])).toEqual([
      ['Ana', 1],
      ['Ben', 0],
    ]);
    expect(people.totalCount).toBe(6);
    for (const who of [s.cai, outsider]) {
      await expect(getPost(t.ctx, actorOf(who), postId)).rejects.toMatchObject({ code: 'not_found' });
      await expect(listCohortReflections(t.ctx, actorOf(who), spring.id, thingId)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    // A private reflection does not appear on the cohort page.
    const benEnrolment = (await listCatalogue(t.ctx, actorOf(s.ben), s.org.id, now))[0]?.enrolment?.id as string;
    await reflectOnThing(
      t.ctx,
      actorOf(s.ben),
      benEnrolment,
      thingId,
      { kind: 'post', title: 'Mine', body: 'Only for me.', visibility: 'private' },
      now,
    );
    expect((await listCohortReflections(t.ctx, actorOf(s.ana), spring.id, thingId)).posts).toHaveLength(1);
  });
});

describe('completion', () => {
  it('adds the programme to the plan, and completing achieves the goal with evidence and tells the learner, exactly once', async () => {
    const s = await setting({ weeks: [{ things: 2, optional: [1] }, { things: 1 }] });
    const plan = await createPlan(t.db, s.ana, { cycle: '2027' });
    const cohort = await createCohort(t.db, s.programme.id, { startsOn: '2027-03-01' });
    const now = at('2027-03-10T09:00:00Z');
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: cohort.id, addGoal: true }, now);
    expect(e).toMatchObject({ planId: plan.id, goalId: expect.any(String) });
    const [goalRow] = await t.db
      .select()
      .from(goal)
      .where(eq(goal.id, e.goalId as string));
    expect(goalRow).toMatchObject({ what: `Complete ${s.programme.title}`, status: 'active' });
    expect(goalRow?.milestones.map((m) => m.dueDate)).toEqual(['2027-03-01', '2027-03-08']);

    const [one, optional, three] = s.things;
    const link = (n: number) => ({ kind: 'link' as const, url: `https://blog.example/${n}` });
    await reflectOnThing(t.ctx, actorOf(s.ana), e.id, one?.id as string, link(1), now);
    await reflectOnThing(t.ctx, actorOf(s.ana), e.id, optional?.id as string, link(2), now);
    const done = await reflectOnThing(t.ctx, actorOf(s.ana), e.id, three?.id as string, link(3), now);
    expect(done.completed).toBe(true);
    // Again: untried and tried, and a new reflection: nothing more happens.
    await markTried(t.ctx, actorOf(s.ana), e.id, three?.id as string, false, now);
    await markTried(t.ctx, actorOf(s.ana), e.id, three?.id as string, true, now);
    await reflectOnThing(t.ctx, actorOf(s.ana), e.id, three?.id as string, link(4), now);

    const [achieved] = await t.db
      .select()
      .from(goal)
      .where(eq(goal.id, e.goalId as string));
    expect(achieved?.status).toBe('achieved');
    const proofs = await t.db
      .select()
      .from(evidence)
      .where(eq(evidence.goalId, e.goalId as string));
    expect(proofs.map((p) => [p.kind, p.title, p.url])).toEqual([
      ['link', `Completed ${s.programme.title}`, `http://localhost:3000/orgs/${s.org.id}/programmes/${s.programme.id}`],
    ]);
    const told = await t.db.select().from(notification).where(eq(notification.userId, s.ana.user.id));
    expect(told.map((n) => n.title)).toEqual([`You completed ${s.programme.title}`]);
  });

  it('gives a certificate once completed, not before', async () => {
    const s = await setting({ weeks: [{ things: 1 }] });
    const now = at('2027-04-01T09:00:00Z');
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { addGoal: false }, now);
    const cookie = { cookie: await t.sessionFor(s.ana.user.id) };
    const url = `/api/enrolments/${e.id}/certificate.pdf`;
    expect((await t.call('GET', url, cookie)).status).toBe(409);
    await reflectOnThing(
      t.ctx,
      actorOf(s.ana),
      e.id,
      s.things[0]?.id as string,
      { kind: 'link', url: 'https://b.example/1' },
      now,
    );
    const res = await t.app.inject({ method: 'GET', url, headers: cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('home', () => {
  it('shows the learner’s programmes: "1 of 6 things", the next release and "Catch up" when behind', async () => {
    const s = await setting();
    const daysAgo = (n: number) => format(addDays(new Date(), -n), 'yyyy-MM-dd');
    const late = await createCohort(t.db, s.programme.id, { startsOn: daysAgo(15) });
    const e = await enrol(t.ctx, actorOf(s.ana), s.programme.id, { cohortId: late.id, addGoal: false });
    await reflectOnThing(t.ctx, actorOf(s.ana), e.id, s.things[0]?.id as string, {
      kind: 'link',
      url: 'https://blog.example/1',
    });
    const other = await createProgramme(t.db, s.org, { title: 'Another' });
    await enrol(t.ctx, actorOf(s.ana), other.programme.id, { addGoal: false });
    const home = await t.callOk('GET', `/api/orgs/${s.org.id}/home`, { cookie: await t.sessionFor(s.ana.user.id) });
    expect(home.programmes).toEqual([
      {
        enrolmentId: e.id,
        programmeId: s.programme.id,
        title: s.programme.title,
        doneCount: 1,
        totalCount: 6,
        next: { label: expect.stringMatching(/^Thing 5 on \w+day \d+ \w+$/), releasedOn: daysAgo(-6) },
        catchUp: { thingId: s.things[1]?.id, number: 2 },
      },
      expect.objectContaining({ title: 'Another', doneCount: 0, totalCount: 4, catchUp: null }),
    ]);
  });
});
