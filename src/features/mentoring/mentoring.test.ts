import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan, type MemberRow, type OrgRow } from '../../test/factories.js';
import { goalMatches } from './mentoring.schema.js';

const t = await createTestApp();
const { app } = t;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = Record<string, any>;

async function signedIn(member: MemberRow) {
  return { cookie: await t.sessionFor(member.userId) };
}

/** A member who sets up their own profile through the API, as the profile page does. */
async function colleague(org: OrgRow, name: string, profile: Json) {
  const member = await addMember(t.db, org, { name });
  const res = await app.inject({
    method: 'PATCH',
    url: `/api/orgs/${org.id}/members/${member.id}/profile`,
    headers: await signedIn(member),
    payload: profile,
  });
  expect(res.statusCode, res.body).toBe(200);
  return member;
}

async function matches(planId: string, goalId: string, headers: { cookie?: string }, query = '') {
  return app.inject({ method: 'GET', url: `/api/plans/${planId}/goals/${goalId}/matches${query}`, headers });
}

describe('mentor profile', () => {
  it('saves capacity, what the mentor says about themself, and the peer-matching choice', async () => {
    const { org } = await createOrg(t.db);
    const member = await addMember(t.db, org);
    const headers = await signedIn(member);
    const url = `/api/orgs/${org.id}/members/${member.id}/profile`;
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers,
      payload: {
        offersMentoring: true,
        mentoringTopics: ['cataloguing'],
        mentoringCapacity: 2,
        mentoringAbout: '  Twenty years of metadata work.  ',
        peerMatching: true,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mentoringCapacity: 2,
      mentoringAbout: 'Twenty years of metadata work.',
      peerMatching: true,
      version: 2,
    });
    const read = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members/${member.id}`, headers });
    expect(read.json()).toMatchObject({ mentoringCapacity: 2, peerMatching: true });
  });

  it('names the field of a bad value and changes nothing', async () => {
    const { org } = await createOrg(t.db);
    const member = await addMember(t.db, org);
    const headers = await signedIn(member);
    const url = `/api/orgs/${org.id}/members/${member.id}/profile`;
    const bad = await app.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { mentoringCapacity: -1, mentoringAbout: 'x'.repeat(2001), peerMatching: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'mentoringAbout',
      'mentoringCapacity',
      'peerMatching',
    ]);
    const read = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members/${member.id}`, headers });
    expect(read.json()).toMatchObject({ mentoringCapacity: 0, mentoringAbout: '', peerMatching: false, version: 1 });
  });
});

describe('matches for a goal', () => {
  it('suggests mentors with reasons, and opted-in peers by name and topic only', async () => {
    const c = await createCast(t);
    const cataloguer = await colleague(c.org, 'Cleo Cataloguer', {
      offersMentoring: true,
      mentoringTopics: ['cataloguing', 'rare books'],
      mentoringAbout: 'I look after our metadata and authority files.',
      mentoringCapacity: 3,
    });
    const speaker = await colleague(c.org, 'Sam Speaker', {
      offersMentoring: true,
      mentoringTopics: ['public speaking'],
      mentoringCapacity: 1,
    });
    const peer = await colleague(c.org, 'Pat Peer', { peerMatching: true });
    const shy = await colleague(c.org, 'Quinn Quiet', { peerMatching: false });
    const outsider = await colleague((await createOrg(t.db)).org, 'Olive Outsider', {
      offersMentoring: true,
      mentoringTopics: ['cataloguing'],
      peerMatching: true,
    });
    // The learner offers the same topic: they are never suggested to themself.
    await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/profile`,
      headers: c.as('self'),
      payload: { offersMentoring: true, mentoringTopics: ['cataloging'] },
    });
    const secretGoal = 'Catalogue the secret archive before the merger';
    for (const m of [peer, shy]) {
      await createPlan(t.db, m, {
        content: { goals: [{ id: 'g', what: secretGoal, status: 'active', topics: ['Cataloging'] }] },
      });
    }
    await createPlan(t.db, outsider, {
      content: { goals: [{ id: 'g', what: 'Cataloguing', status: 'active', topics: ['cataloguing'] }] },
    });
    const plan = await createPlan(t.db, c.members.self, {
      content: {
        goals: [{ id: 'g', what: 'Get started with cataloging and metadata', how: 'Shadow a colleague', topics: [] }],
      },
    });
    const goalId = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: c.as('self') })).json()
      .goals[0].id;

    const res = await matches(plan.id, goalId, c.as('self'));
    expect(res.statusCode, res.body).toBe(200);
    const body = goalMatches.parse(res.json());
    expect(body.mentors.map((m) => m.name)).toEqual(['Cleo Cataloguer']);
    expect(body.mentors[0]).toMatchObject({
      memberId: cataloguer.id,
      topics: ['cataloguing', 'rare books'],
      capacity: 3,
      activeMentees: 0,
      reasons: ['Offers mentoring on cataloguing', "Their profile mentions 'metadata'", 'Has room for 3 more mentees'],
    });
    expect(body.peers).toEqual([
      {
        memberId: peer.id,
        name: 'Pat Peer',
        topics: ['Cataloging'],
        score: expect.any(Number),
        reasons: ['Also learning Cataloging'],
      },
    ]);
    // The peer's plan stays private: nothing of their goal but the topic is in the answer.
    expect(res.body).not.toContain('secret archive');
    expect(res.body).not.toContain(speaker.id);
  });

  it('finds a mentor through a synonym, and puts a mentor with no free place last', async () => {
    const c = await createCast(t);
    const full = await colleague(c.org, 'Fran Full', {
      offersMentoring: true,
      mentoringTopics: ['SQL'],
      mentoringCapacity: 1,
    });
    const free = await colleague(c.org, 'Dana Data', {
      offersMentoring: true,
      mentoringTopics: ['databases'],
      mentoringAbout: 'Happy to help with queries.',
    });
    // Someone already enlisted Fran, who takes one mentee.
    await createPlan(t.db, c.members.otherMember, {
      content: { network: [{ id: 'n', kind: 'person', name: 'Fran Full', memberId: full.id, enlistment: 'active' }] },
    });
    const plan = await createPlan(t.db, c.members.self, {
      content: { goals: [{ id: 'g', what: 'Write my first SQL queries', topics: ['SQL'] }] },
    });
    const goalId = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: c.as('self') })).json()
      .goals[0].id;
    const body = (await matches(plan.id, goalId, c.as('self'))).json() as Json;
    expect(body.mentors.map((m: Json) => m.memberId)).toEqual([free.id, full.id]);
    expect(body.mentors[0].reasons[0]).toBe('Offers mentoring on databases');
    expect(body.mentors[1]).toMatchObject({ activeMentees: 1, capacity: 1 });
    expect(body.mentors[1].reasons).toContain('Has no free mentee places right now');
  });

  it('answers 404 to anyone but the owner and 400 to a bad limit', async () => {
    const c = await createCast(t);
    const plan = await createPlan(t.db, c.members.self, { content: { goals: [{ id: 'g', what: 'SQL' }] } });
    const goalId = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: c.as('self') })).json()
      .goals[0].id;
    expect((await matches(plan.id, goalId, c.as('supervisor'))).statusCode).toBe(404);
    expect((await matches(plan.id, 'no-such-goal', c.as('self'))).statusCode).toBe(404);
    const bad = await matches(plan.id, goalId, c.as('self'), '?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('limit');
    const none = (await matches(plan.id, goalId, c.as('self'), '?limit=1')).json();
    expect(none).toEqual({ mentors: [], peers: [] });
  });
});
