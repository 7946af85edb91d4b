import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enlistmentRequest, planRevision } from '../../db/schema/index.js';
import { createTestApp, type Json } from '../../test/app.js';
import { learnerWithMentorEntry } from '../../test/enlistment-fixture.js';

const t = await createTestApp();

describe('enlistment requests', () => {
  it('asks, accepts and ends: the entry follows, access comes and goes, each side is told', async () => {
    const f = await learnerWithMentorEntry(t);
    const { c } = f;
    const mentor = c.people.otherMember;
    const learner = c.people.self;

    // The learner asks from the network entry.
    const asked = await f.enlist({ message: '  Would you help me plan my first workshop?  ' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      role: 'learner',
      planId: f.planId,
      organizationId: c.org.id,
      state: 'pending',
      message: 'Would you help me plan my first workshop?',
      mentor: { name: mentor.name },
      learner: { name: learner.name },
      entry: { id: f.entryId, name: 'Cleo' },
      goals: [
        { id: f.goals.workshop, what: 'Run a workshop' },
        { id: f.goals.talk, what: 'Give a talk' },
      ],
      respondedAt: null,
      endedAt: null,
    });
    const id = asked.body.id as string;
    expect(await f.entryState()).toBe('asked');
    const [row] = await t.db.select().from(enlistmentRequest).where(eq(enlistmentRequest.id, id));
    expect(row).toMatchObject({
      state: 'pending',
      learnerMemberId: c.members.self.id,
      mentorMemberId: c.members.otherMember.id,
      goalIds: [f.goals.workshop, f.goals.talk],
    });

    // The colleague is told, in the app and by e-mail, with a link to their requests.
    const [askedNotice] = await f.notices(mentor.id);
    expect(askedNotice).toMatchObject({
      title: `${learner.name} asks: would you mentor me?`,
      link: `/orgs/${c.org.id}/enlistments`,
    });
    expect(askedNotice?.body).toContain('“Run a workshop”, “Give a talk”');
    expect(askedNotice?.body).toContain('Would you help me plan my first workshop?');
    expect(t.mailer.linkTo(mentor.email, `/orgs/${c.org.id}/enlistments`)).toBeTruthy();
    expect(await f.notices(learner.id)).toEqual([]);

    // They see who asks, the message and the goals' wording: nothing else of the plan.
    const incoming = (await f.lists('otherMember')).incoming as Json[];
    expect(incoming).toEqual([
      expect.objectContaining({ id, role: 'mentor', entry: null, state: 'pending', learner: { name: learner.name } }),
    ]);
    expect(incoming[0]?.goals.map((g: Json) => g.what)).toEqual(['Run a workshop', 'Give a talk']);
    for (const hidden of ['Private reasons', 'Change jobs', 'team meeting', 'Cleo']) {
      expect(JSON.stringify(incoming)).not.toContain(hidden);
    }
    expect((await f.lists('otherMember')).outgoing).toEqual([]);
    expect((await f.lists('self')).outgoing.map((r: Json) => [r.id, r.entry.name])).toEqual([[id, 'Cleo']]);
    expect((await f.shared('otherMember')).status).toBe(404);

    // The colleague accepts: one comment share per linked goal, made in the learner's name.
    const accepted = await f.step('otherMember', id, 'accept', { response: 'Gladly. Thursdays suit me.' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', response: 'Gladly. Thursdays suit me.', role: 'mentor' });
    expect(accepted.body.respondedAt).toEqual(expect.any(String));
    expect(await f.entryState()).toBe('agreed');
    const grants = await f.grantsOf(id);
    expect(grants.map((g) => [g.goalId, g.scope, g.access, g.reason, g.grantedBy, g.revokedAt])).toEqual(
      expect.arrayContaining([
        [f.goals.workshop, 'goal', 'comment', 'enlistment', learner.id, null],
        [f.goals.talk, 'goal', 'comment', 'enlistment', learner.id, null],
      ]),
    );
    expect(grants).toHaveLength(2);
    const [acceptedNotice] = await f.notices(learner.id);
    expect(acceptedNotice).toMatchObject({
      title: `${mentor.name} agreed to mentor you`,
      link: `/orgs/${c.org.id}/plans/${f.planId}/network`,
    });
    expect(acceptedNotice?.body).toContain('Gladly. Thursdays suit me.');

    // They now read (and may comment on) exactly those goals.
    const seen = await f.shared('otherMember');
    expect(seen.status).toBe(200);
    expect(seen.body.access).toBe('comment');
    expect(seen.body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop', 'Give a talk']);
    // The learner's "who can see what" page names where the shares came from.
    const onAccessPage = (await f.call('self', 'GET', `${f.url}/grants`)).body.grants as Json[];
    expect(onAccessPage.map((g) => [g.reason, g.state, g.member.name])).toEqual([
      ['enlistment', 'active', mentor.name],
      ['enlistment', 'active', mentor.name],
    ]);

    // The plan's history names the colleague as the one who moved the entry to "agreed".
    const revisions = await t.db.select().from(planRevision).where(eq(planRevision.planId, f.planId));
    const agreed = revisions.find((r) => r.entityId === f.entryId && r.after?.enlistment === 'agreed');
    expect(agreed?.actorUserId).toBe(mentor.id);

    // The colleague ends it: every share from it is revoked at once, and the learner is told.
    const ended = await f.step('otherMember', id, 'end');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ state: 'ended', endedAt: expect.any(String), goals: [] });
    expect(await f.entryState()).toBe('ended');
    expect((await f.grantsOf(id)).every((g) => g.revokedAt !== null)).toBe(true);
    expect((await f.shared('otherMember')).status).toBe(404);
    const notices = await f.notices(learner.id);
    expect(notices.map((n) => n.title)).toContain(`${mentor.name} ended the mentoring`);
    // After the end the colleague no longer sees how the goals are worded now.
    expect((await f.lists('otherMember')).incoming[0]).toMatchObject({ state: 'ended', goals: [] });
    expect((await f.lists('self')).outgoing[0].goals).toHaveLength(2);
  });

  it('a decline moves the entry to declined, tells the learner why, and asking again is allowed', async () => {
    const f = await learnerWithMentorEntry(t);
    const first = (await f.enlist()).body;
    const declined = await f.step('otherMember', first.id, 'decline', { response: 'Too busy until spring.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', response: 'Too busy until spring.', goals: [] });
    expect(await f.entryState()).toBe('declined');
    expect(await f.grantsOf(first.id)).toEqual([]);
    const [notice] = await f.notices(f.c.people.self.id);
    expect(notice?.title).toBe(`${f.c.people.otherMember.name} declined your request`);
    expect(notice?.body).toContain('Too busy until spring.');

    const again = await f.enlist({ message: 'Spring is here!' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.id);
    expect(await f.entryState()).toBe('asked');
    expect((await f.lists('otherMember')).incoming.map((r: Json) => r.state)).toEqual(['pending', 'declined']);
  });

  it('the learner withdraws a pending request: the entry is "to ask" again and the colleague is told', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    const withdrawn = await f.step('self', id, 'withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', role: 'learner', endedAt: expect.any(String) });
    expect(await f.entryState()).toBe('to_ask');
    const titles = (await f.notices(f.c.people.otherMember.id)).map((n) => n.title);
    expect(titles).toContain(`${f.c.people.self.name} withdrew their request`);
    const late = await f.step('otherMember', id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('This request was withdrawn, so it cannot be accepted now.');
    expect((await f.shared('otherMember')).status).toBe(404);
    expect((await f.enlist()).status).toBe(201);
  });

  it('the learner ends an accepted mentoring: access ends and the colleague is told', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    await f.step('otherMember', id, 'accept');
    const ended = await f.step('self', id, 'end');
    expect(ended.body).toMatchObject({ state: 'ended', role: 'learner' });
    expect((await f.shared('otherMember')).status).toBe(404);
    const titles = (await f.notices(f.c.people.otherMember.id)).map((n) => n.title);
    expect(titles).toContain(`${f.c.people.self.name} ended your mentoring`);
    expect(await f.entryState()).toBe('ended');
    expect((await f.enlist()).status).toBe(201);
  });

  it('a share revoked on the "who can see what" page ends that access only; ending later still works', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    await f.step('otherMember', id, 'accept');
    const grants = (await f.call('self', 'GET', `${f.url}/grants`)).body.grants as Json[];
    const workshop = grants.find((g) => g.goal.id === f.goals.workshop) as Json;
    expect((await f.call('self', 'DELETE', `${f.url}/grants/${workshop.id}`)).status).toBe(200);
    const seen = await f.shared('otherMember');
    expect(seen.body.goals.map((g: Json) => g.what)).toEqual(['Give a talk']);
    expect((await f.lists('self')).outgoing[0].state).toBe('accepted');
    expect((await f.step('self', id, 'end')).status).toBe(200);
    expect((await f.shared('otherMember')).status).toBe(404);
  });

  it('shares only goals that still exist on acceptance; deleting the entry ends the access it gave', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    expect((await f.call('self', 'DELETE', `${f.url}/goals/${f.goals.talk}`)).status).toBe(204);
    await f.step('otherMember', id, 'accept');
    expect((await f.grantsOf(id)).map((g) => g.goalId)).toEqual([f.goals.workshop]);
    expect((await f.shared('otherMember')).body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop']);

    expect((await f.call('self', 'DELETE', `${f.url}/network/${f.entryId}`)).status).toBe(204);
    expect((await f.shared('otherMember')).status).toBe(404);
    expect((await f.grantsOf(id)).every((g) => g.revokedAt !== null)).toBe(true);
  });
});
