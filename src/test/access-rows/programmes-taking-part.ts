import { enrol } from '../../features/programmes/enrolments.service.js';
import { reflectOnThing } from '../../features/programmes/reflections.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { orgScoped, type Row } from '../matrix-kit.js';
import { actorOf, createCohort, createProgramme } from '../programme-fixture.js';

/*
 * Programmes, taking part. `self` is the participant; `otherMember` takes part too, in another cohort (the
 * "other participant"); the admin and the owner are the programme's organisers; the supervisor is a member who
 * does not take part.
 */

/** A published programme of one week with one thing, released since January 2026. */
async function programmeOf(c: Cast, t: TestApp) {
  const made = await createProgramme(t.db, c.org, { weeks: [{ things: 1 }] });
  return { programmeId: made.programme.id, thingId: made.things[0]?.id as string };
}

/** `self` enrolled in a cohort that started in January 2026; `otherMember` in another cohort of it. */
async function enrolledSelf(c: Cast, t: TestApp) {
  const p = await programmeOf(c, t);
  const mine = await createCohort(t.db, p.programmeId, { name: 'Mine', startsOn: '2026-01-05' });
  const theirs = await createCohort(t.db, p.programmeId, { name: 'Theirs', startsOn: '2026-01-05' });
  const enrolment = await enrol(t.ctx, actorOf(c.members.self), p.programmeId, { cohortId: mine.id, addGoal: false });
  await enrol(t.ctx, actorOf(c.members.otherMember), p.programmeId, { cohortId: theirs.id, addGoal: false });
  return { ...p, enrolmentId: enrolment.id, cohortId: mine.id };
}

/** The participant, and the organisers where they read; other members and outsiders: as if it did not exist. */
const participantAnd = (participant: number, organiser: number) => ({
  ...orgScoped(404),
  self: participant,
  admin: organiser,
  owner: organiser,
});
/** A cohort's pages: its participants and organisers; members who see the programme but not the cohort's: 403. */
const cohortPeople = (ok: number) => ({ ...orgScoped(403), self: ok, admin: ok, owner: ok });

export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/catalogue',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/catalogue` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/programmes/:programmeId/overview',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/programmes/${(await programmeOf(c, t)).programmeId}/overview`,
    }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/enrolments',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/programmes/${(await programmeOf(c, t)).programmeId}/enrolments`,
      payload: { addGoal: false },
    }),
    expect: orgScoped(201),
  },
  {
    route: 'GET /api/enrolments/:enrolmentId',
    request: async (c, t) => ({ method: 'GET', url: `/api/enrolments/${(await enrolledSelf(c, t)).enrolmentId}` }),
    expect: participantAnd(200, 200),
  },
  {
    route: 'POST /api/enrolments/:enrolmentId/leave',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/enrolments/${(await enrolledSelf(c, t)).enrolmentId}/leave`,
    }),
    expect: participantAnd(200, 403),
  },
  {
    route: 'GET /api/enrolments/:enrolmentId/things/:thingId',
    request: async (c, t) => {
      const e = await enrolledSelf(c, t);
      return { method: 'GET', url: `/api/enrolments/${e.enrolmentId}/things/${e.thingId}` };
    },
    expect: participantAnd(200, 200),
  },
  {
    route: 'PUT /api/enrolments/:enrolmentId/things/:thingId/tried',
    request: async (c, t) => {
      const e = await enrolledSelf(c, t);
      return {
        method: 'PUT',
        url: `/api/enrolments/${e.enrolmentId}/things/${e.thingId}/tried`,
        payload: { tried: true },
      };
    },
    expect: participantAnd(200, 403),
  },
  {
    route: 'POST /api/enrolments/:enrolmentId/things/:thingId/reflection',
    request: async (c, t) => {
      const e = await enrolledSelf(c, t);
      return {
        method: 'POST',
        url: `/api/enrolments/${e.enrolmentId}/things/${e.thingId}/reflection`,
        payload: { kind: 'post', body: 'It was quicker than I thought.', visibility: 'cohort' },
      };
    },
    expect: participantAnd(200, 403),
  },
  {
    route: 'GET /api/enrolments/:enrolmentId/certificate.pdf',
    request: async (c, t) => {
      const e = await enrolledSelf(c, t);
      await reflectOnThing(t.ctx, actorOf(c.members.self), e.enrolmentId, e.thingId, {
        kind: 'link',
        url: 'https://blog.example/thing-1',
      });
      return { method: 'GET', url: `/api/enrolments/${e.enrolmentId}/certificate.pdf` };
    },
    expect: participantAnd(200, 200),
  },
  {
    route: 'GET /api/cohorts/:cohortId/things/:thingId/reflections',
    request: async (c, t) => {
      const e = await enrolledSelf(c, t);
      return { method: 'GET', url: `/api/cohorts/${e.cohortId}/things/${e.thingId}/reflections` };
    },
    expect: cohortPeople(200),
  },
  {
    route: 'GET /api/cohorts/:cohortId/participants',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/cohorts/${(await enrolledSelf(c, t)).cohortId}/participants`,
    }),
    expect: cohortPeople(200),
  },
];
