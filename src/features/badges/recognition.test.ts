import { describe, expect, it } from 'vitest';
import { type ActorKind, type Cast, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { warmSigners } from './signing-pool.js';

const t = await createTestApp();
await warmSigners(); // a signing thread ready before the first award (signing-pool.ts)

type Headers = Record<string, string>;

/** A cast with an achievement open to requests and a goal of `self`'s (achieved unless told otherwise). */
async function setUp(options: { achieved?: boolean; openToRequests?: boolean } = {}) {
  const c = await createCast(t);
  const as = (kind: ActorKind) => c.as(kind) as Headers;
  const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, as('admin'), {
    name: 'Workshop host',
    description: 'Ran a workshop colleagues learned from.',
    criteria: 'Hosted a workshop and shared what came of it.',
    openToRequests: options.openToRequests ?? true,
  });
  const plan = await t.callOk('POST', '/api/plans', as('self'), { organizationId: c.org.id, cycle: '2027' });
  const goal = await t.callOk('POST', `/api/plans/${plan.id}/goals`, as('self'), { what: 'Run a workshop' });
  const evidence = await t.callOk('POST', `/api/plans/${plan.id}/goals/${goal.id}/evidence`, as('self'), {
    kind: 'link',
    title: 'Workshop slides',
    url: 'https://example.org/slides',
    occurredOn: '2027-03-01',
  });
  if (options.achieved ?? true) {
    await t.callOk('PATCH', `/api/plans/${plan.id}/goals/${goal.id}`, as('self'), {
      status: 'achieved',
      version: goal.version,
    });
  }
  const askUrl = `/api/plans/${plan.id}/goals/${goal.id}/recognition-requests`;
  const ask = (kind: ActorKind = 'self', body: Json = {}) =>
    t.call('POST', askUrl, as(kind), {
      achievementId: achievement.id,
      message: 'I ran the workshop for twelve colleagues.',
      ...body,
    });
  return { c, as, achievement, plan, goal, evidence, ask };
}

const toDecide = (c: Cast, kind: ActorKind) =>
  t.callOk('GET', `/api/orgs/${c.org.id}/recognition-requests/to-decide`, c.as(kind) as Headers);

describe('recognition on request', () => {
  it('the learner asks, their supervisor sees it with the evidence and approves: the badge is theirs', async () => {
    const s = await setUp();
    const offered = await t.callOk('GET', `/api/orgs/${s.c.org.id}/recognition/achievements`, s.as('self'));
    expect(offered.achievements.map((a: Json) => a.name)).toEqual(['Workshop host']);

    const asked = await s.ask();
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'open', goalTitle: 'Run a workshop', achievementName: 'Workshop host' });

    const list = await toDecide(s.c, 'supervisor');
    expect(list.requests).toHaveLength(1);
    expect(list.requests[0].evidence).toEqual([
      expect.objectContaining({ title: 'Workshop slides', url: 'https://example.org/slides' }),
    ]);
    // Another member supervises no one here: nothing to decide.
    expect((await toDecide(s.c, 'otherMember')).requests).toEqual([]);
    expect((await toDecide(s.c, 'admin')).requests).toHaveLength(1);

    const approved = await t.callOk('POST', `/api/recognition-requests/${asked.body.id}/approve`, s.as('supervisor'));
    expect(approved.state).toBe('approved');
    expect(approved.verificationUrl).toContain(`/credentials/${approved.awardId}`);

    const badges = await t.callOk('GET', `/api/orgs/${s.c.org.id}/my-badges`, s.as('self'));
    expect(badges.awards).toEqual([
      expect.objectContaining({ id: approved.awardId, achievementName: 'Workshop host', reason: asked.body.message }),
    ]);
    const credential = await t.callOk('GET', `/api/credentials/${approved.awardId}`, {});
    expect(credential.verification.status).toBe('valid');

    const mine = await t.callOk('GET', `/api/orgs/${s.c.org.id}/recognition-requests/mine`, s.as('self'));
    expect(mine.requests).toEqual([expect.objectContaining({ state: 'approved', awardId: approved.awardId })]);
    const notes = await t.callOk('GET', '/api/notifications', s.as('self'));
    expect(notes.notifications[0].title).toBe('You earned the badge “Workshop host”');
    expect(t.mailer.sent.some((m) => m.to === s.c.people.self.email && /Workshop host/.test(m.subject))).toBe(true);
    // The supervisor was told of the request when it was made.
    const theirs = await t.callOk('GET', '/api/notifications', s.as('supervisor'));
    expect(theirs.notifications[0].title).toContain('asks for recognition: Workshop host');
  });

  it('a decline carries its reason to the learner, in the app, and not by e-mail when they turned that off', async () => {
    const s = await setUp();
    await t.callOk('PATCH', '/api/settings', s.as('self'), { emailOptOut: ['recognition_decided'] });
    const asked = (await s.ask()).body;
    const declined = await t.callOk('POST', `/api/recognition-requests/${asked.id}/decline`, s.as('admin'), {
      reason: 'Share what the colleagues took from it first.',
    });
    expect(declined).toMatchObject({
      state: 'declined',
      declineReason: 'Share what the colleagues took from it first.',
    });
    const notes = await t.callOk('GET', '/api/notifications', s.as('self'));
    expect(notes.notifications[0].body).toContain('Share what the colleagues took from it first.');
    expect(t.mailer.sent.some((m) => m.to === s.c.people.self.email && /declined/.test(m.subject))).toBe(false);
    // Answered once: a second answer is refused in words, and the learner may ask again.
    const again = await t.call('POST', `/api/recognition-requests/${asked.id}/approve`, s.as('supervisor'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This request was already answered.');
    expect((await s.ask()).status).toBe(201);
  });

  it('refuses what the rules forbid, each in its own words', async () => {
    const s = await setUp({ achieved: false });
    const notAchieved = await s.ask();
    expect(notAchieved.status).toBe(400);
    expect(notAchieved.body.error.fields.goalId).toMatch(/achieved/);

    const r = await setUp();
    expect((await r.ask('otherMember')).status).toBe(404);
    expect((await r.ask('supervisor')).status).toBe(404);
    const elsewhere = await setUp();
    const foreign = await r.ask('self', { achievementId: elsewhere.achievement.id });
    expect(foreign.status).toBe(404);

    const first = await r.ask();
    const second = await r.ask();
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/already asked for this achievement for this goal/);

    // Only its learner and its approvers know the request; the learner cannot approve it.
    const id = first.body.id;
    expect((await t.call('GET', `/api/recognition-requests/${id}`, r.as('otherMember'))).status).toBe(404);
    expect((await t.call('GET', `/api/recognition-requests/${id}`, elsewhere.as('admin'))).status).toBe(404);
    expect((await t.call('POST', `/api/recognition-requests/${id}/approve`, r.as('self'))).status).toBe(403);
    expect((await t.call('POST', `/api/recognition-requests/${id}/approve`, r.as('otherMember'))).status).toBe(404);

    const closed = await setUp({ openToRequests: false });
    const refused = await closed.ask();
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.achievementId).toMatch(/not open to requests/);
  });

  it('two approvals at once make one badge', async () => {
    const s = await setUp();
    const asked = (await s.ask()).body;
    const answers = await Promise.all(
      (['supervisor', 'admin', 'owner'] as const).map((kind) =>
        t.call('POST', `/api/recognition-requests/${asked.id}/approve`, s.as(kind)),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const awards = await t.callOk('GET', `/api/achievements/${s.achievement.id}`, s.as('admin'));
    expect(awards.awards).toHaveLength(1);
  });
});

describe('the achievement’s own page', () => {
  it('answers at the address a credential names as its achievement, for anyone', async () => {
    const s = await setUp();
    const asked = (await s.ask()).body;
    const approved = await t.callOk('POST', `/api/recognition-requests/${asked.id}/approve`, s.as('supervisor'));
    const credential = await t.callOk('GET', `/api/credentials/${approved.awardId}/download`, {});
    const achievementId = credential.credentialSubject.achievement.id as string;
    const base = t.ctx.config.baseUrl;
    expect(achievementId).toBe(`${base}/achievements/${s.achievement.id}`);
    const page = await t.callOk('GET', `/api/achievements/${s.achievement.id}/public`, {});
    expect(page).toMatchObject({
      name: 'Workshop host',
      criteria: 'Hosted a workshop and shared what came of it.',
      issuer: { id: credential.issuer.id, name: credential.issuer.name },
    });
    expect((await t.call('GET', '/api/achievements/no-such-achievement/public', {})).status).toBe(404);
  });
});
