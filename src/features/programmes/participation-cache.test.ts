import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { actorOf, createCohort, createProgramme } from '../../test/programme-fixture.js';
import { removePost } from '../posts/posts.service.js';
import { updateMySettings } from '../settings/settings.service.js';
import { enrol, leaveProgramme } from './enrolments.service.js';
import { getEnrolment, markTried } from './participation.service.js';
import { changeCohort } from './programme-cohorts.service.js';
import { changeThing } from './programme-content.service.js';
import { reflectOnThing } from './reflections.js';

/*
 * "This week" is read from caches (participation-cache.ts, the gate's enrolments-cache.ts). Each test reads it
 * once so that it is cached, makes a change through the service people use, and reads again: the change shows.
 */

const t = await createTestApp();
const at = (iso: string) => new Date(iso);

async function participant() {
  const { org } = await createOrg(t.db);
  const [ana, admin] = await Promise.all([
    addMember(t.db, org, { name: 'Ana' }),
    addMember(t.db, org, { role: 'admin' }),
  ]);
  const made = await createProgramme(t.db, org, { weeks: [{ things: 2 }, { things: 2 }] });
  const cohort = await createCohort(t.db, made.programme.id, { name: 'March', startsOn: '2027-03-01' });
  const e = await enrol(
    t.ctx,
    actorOf(ana),
    made.programme.id,
    { cohortId: cohort.id, addGoal: false },
    at('2027-02-20T10:00:00Z'),
  );
  return { org, ana, admin, cohort, enrolmentId: e.id, ...made };
}

describe('"this week" read from caches', () => {
  it('shows an organiser’s new cohort start and thing title, and the participant’s own mark, at the next read', async () => {
    const s = await participant();
    const now = at('2027-03-02T10:00:00Z');
    const before = await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now);
    expect(before.releasedCount).toBe(2);

    await changeCohort(t.ctx, actorOf(s.admin), s.cohort.id, { startsOn: '2027-02-22' });
    expect((await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now)).releasedCount).toBe(4);

    const [first] = s.things;
    await changeThing(t.ctx, actorOf(s.admin), first?.id as string, {
      title: 'Map your network',
      version: 1,
      tellParticipants: false,
    });
    const renamed = await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now);
    expect(renamed.things[0]?.title).toBe('Map your network');

    await markTried(t.ctx, actorOf(s.ana), s.enrolmentId, first?.id as string, true, now);
    const marked = await getEnrolment(t.ctx, actorOf(s.admin), s.enrolmentId, now);
    expect(marked.things[0]?.triedAt).not.toBeNull();

    await leaveProgramme(t.ctx, actorOf(s.ana), s.enrolmentId);
    expect((await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now)).enrolment.status).toBe('left');
  });

  it('counts days in the participant’s new time zone once they change it', async () => {
    const s = await participant();
    // 13:00 UTC on 7 March is already 8 March, week 2's release day, in Auckland.
    const now = at('2027-03-07T13:00:00Z');
    expect((await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now)).today).toBe('2027-03-07');
    await updateMySettings(t.ctx, actorOf(s.ana), { timeZone: 'Pacific/Auckland' });
    const view = await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now);
    expect(view).toMatchObject({ today: '2027-03-08', releasedCount: 4 });
  });

  it('stops linking to a reflection post once it is deleted', async () => {
    const s = await participant();
    const now = at('2027-03-02T10:00:00Z');
    const [first] = s.things;
    await reflectOnThing(
      t.ctx,
      actorOf(s.ana),
      s.enrolmentId,
      first?.id as string,
      {
        kind: 'post',
        title: 'What I tried',
        body: 'I drew my network and found two people to ask.',
        visibility: 'cohort',
      },
      now,
    );
    const reflected = await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now);
    const postId = reflected.things[0]?.reflection?.postId as string;
    expect(reflected.things[0]?.reflection?.link).toBe(`/orgs/${s.org.id}/posts/${postId}`);

    await removePost(t.ctx, actorOf(s.ana), postId);
    const after = await getEnrolment(t.ctx, actorOf(s.ana), s.enrolmentId, now);
    expect(after.things[0]?.reflection).toMatchObject({ postId: null, link: '' });
  });
});
