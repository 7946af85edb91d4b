import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planGrant } from '../../db/schema/index.js';
import { createTestApp, type Json } from '../../test/app.js';
import { learnerWithPlan } from '../../test/review-fixture.js';

const t = await createTestApp();

describe('supervisor review: the learning agreement', () => {
  it('request → the supervisor reads only what was shared → notes → both sign → agreed with timestamps', async () => {
    const { c, call, planId, ids, requested, notices } = await learnerWithPlan(t);
    const review = await requested();
    expect(review).toMatchObject({
      kind: 'agreement',
      state: 'requested',
      you: 'learner',
      learnerNote: 'My plan for 2027',
      supervisor: { memberId: c.members.supervisor.id, name: c.people.supervisor.name },
      learner: { name: c.people.self.name },
      plan: { cycle: '2027', title: 'Growing', closedAt: null },
      signatures: { learner: null, supervisor: null },
      awaiting: ['learner', 'supervisor'],
      shared: [{ scope: 'goal', part: null, goal: { id: ids.workshop, what: 'Run a workshop' }, active: true }],
    });
    const grants = await t.db.select().from(planGrant).where(eq(planGrant.sourceId, review.id));
    expect(grants).toEqual([
      expect.objectContaining({ granteeMemberId: c.members.supervisor.id, access: 'comment', reason: 'review' }),
    ]);
    expect(await notices('supervisor')).toEqual([
      {
        title: `${c.people.self.name} asks you to review their plan`,
        link: `/orgs/${c.org.id}/reviews/${review.id}`,
      },
    ]);

    // The supervisor finds it in their inbox and reads exactly the shared goal, with what hangs on it.
    const inbox = await call('supervisor', 'GET', `/api/reviews?orgId=${c.org.id}`);
    expect(inbox.body.reviews).toEqual([
      expect.objectContaining({
        id: review.id,
        kind: 'agreement',
        state: 'requested',
        plan: { cycle: '2027', title: 'Growing' },
      }),
    ]);
    expect(inbox.body.reviews[0].learner.name).toBe(c.people.self.name);
    const shared = await call('supervisor', 'GET', `/api/shared/plans/${planId}`);
    expect(shared.body.access).toBe('comment');
    expect(shared.body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop']);
    expect(shared.body.network.map((n: Json) => n.name)).toEqual(['Ada']);
    expect(shared.body.reflections).toEqual([]);
    expect(JSON.stringify(shared.body)).not.toMatch(/Change jobs|Recruiter/);

    const seen = await call('supervisor', 'GET', `/api/reviews/${review.id}`);
    expect(seen.body).toMatchObject({ you: 'supervisor', learnerNote: 'My plan for 2027' });
    const noted = await call('supervisor', 'PATCH', `/api/reviews/${review.id}`, {
      supervisorNote: 'I will make time for the workshop.',
      version: seen.body.version,
    });
    expect(noted.status).toBe(200);
    expect(noted.body.supervisorNote).toBe('I will make time for the workshop.');

    const first = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, { version: noted.body.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: 'requested', awaiting: ['learner'], signAgain: null, agreedAt: null });
    expect(first.body.signatures.supervisor).toEqual({ at: expect.any(String), revision: expect.any(Number) });
    expect((await notices('self')).at(-1)).toEqual({
      title: `${c.people.supervisor.name} signed the learning agreement`,
      link: `/orgs/${c.org.id}/plans/${planId}/reviews`,
    });

    const second = await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(second.body).toMatchObject({ state: 'agreed', awaiting: [], signAgain: null });
    const { learner, supervisor } = second.body.signatures;
    expect(Date.parse(second.body.agreedAt)).toBe(Date.parse(learner.at));
    expect(Date.parse(learner.at)).toBeGreaterThanOrEqual(Date.parse(supervisor.at));
    expect(learner.revision).toBe(supervisor.revision + 1);
    expect(second.body.changesSince).toMatchObject({ count: 0, lastChangedAt: null, revision: learner.revision });
    expect((await notices('supervisor')).at(-1)?.title).toBe(
      `${c.people.self.name} signed: the learning agreement is agreed`,
    );
    expect((await call('supervisor', 'GET', `/api/reviews/${review.id}`)).body.state).toBe('agreed');

    // Once agreed, nothing more is signed or edited.
    const again = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.current.state).toBe('agreed');
    const late = await call('self', 'PATCH', `/api/reviews/${review.id}`, { learnerNote: 'x', version: 99 });
    expect(late.status).toBe(409);
  });

  it('a change between the signatures asks for the first signature again', async () => {
    const { c, call, ids, requested, editGoal, notices } = await learnerWithPlan(t);
    const review = await requested();
    expect((await call('self', 'POST', `/api/reviews/${review.id}/sign`, {})).status).toBe(200);
    await editGoal(ids.workshop, 'Run two workshops');

    const signed = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(signed.body).toMatchObject({ state: 'requested', signAgain: 'learner', awaiting: ['learner'] });
    expect(signed.body.signatures.learner).toBeNull();
    expect((await notices('self')).at(-1)?.title).toBe('Please sign the learning agreement again');

    const resigned = await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(resigned.body).toMatchObject({ state: 'agreed', signAgain: null });
    expect((await notices('supervisor')).map((n) => n.title)).toContain(
      `${c.people.self.name} signed: the learning agreement is agreed`,
    );
  });

  it('editing a note clears both signatures; a stale version answers 409 with the review as it is', async () => {
    const { call, requested } = await learnerWithPlan(t);
    const review = await requested();
    const signed = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    const edited = await call('self', 'PATCH', `/api/reviews/${review.id}`, {
      learnerNote: 'Also: a mentor',
      version: signed.body.version,
    });
    expect(edited.body).toMatchObject({
      learnerNote: 'Also: a mentor',
      signatures: { learner: null, supervisor: null },
    });

    const stale = await call('supervisor', 'PATCH', `/api/reviews/${review.id}`, {
      supervisorNote: 'Fine',
      version: signed.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ learnerNote: 'Also: a mentor', version: edited.body.version });
    const staleSign = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, { version: review.version });
    expect(staleSign.status).toBe(409);
    expect(staleSign.body.error.current.signatures.supervisor).toBeNull();
    // The same text again is no edit: the signature stays.
    const signedAgain = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    const same = await call('self', 'PATCH', `/api/reviews/${review.id}`, {
      learnerNote: 'Also: a mentor',
      version: signedAgain.body.version,
    });
    expect(same.body.signatures.supervisor).not.toBeNull();
    expect((await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {})).status).toBe(409);
  });

  it('counts the changes after the agreement: all for the learner, only shared ones for the supervisor', async () => {
    const { call, url, ids, requested, editGoal } = await learnerWithPlan(t);
    const review = await requested();
    await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
    const before = await call('self', 'GET', `${url}/reviews`);
    expect(before.body.changedSinceAgreement).toMatchObject({ reviewId: review.id, count: 0, lastChangedAt: null });

    await editGoal(ids.workshop, 'Run two workshops');
    // Autosaves of the same goal right after merge into one revision: one change, not two.
    await editGoal(ids.workshop, 'Run three workshops');
    await editGoal(ids.secret, 'Change jobs soon');
    const after = await call('self', 'GET', `${url}/reviews`);
    expect(after.body.changedSinceAgreement).toMatchObject({ count: 2, lastChangedAt: expect.any(String) });
    expect(after.body.reviews[0].changesSince.count).toBe(2);
    expect(after.body.changedSinceClosing).toBeNull();

    const supervisorSees = await call('supervisor', 'GET', `/api/reviews/${review.id}`);
    expect(supervisorSees.body.changesSince.count).toBe(1);
    expect(JSON.stringify(supervisorSees.body)).not.toMatch(/Change jobs/);
  });

  it('a year-end review, once agreed, closes the cycle; later changes show as made after it', async () => {
    const { c, call, url, ids, requested, request, editGoal, notices } = await learnerWithPlan(t);
    const review = await requested({ kind: 'year_end', note: 'A good year', share: undefined });
    expect(review.shared).toEqual([{ scope: 'plan', part: null, goal: null, active: true }]);
    await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
    const agreed = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(agreed.body).toMatchObject({ state: 'agreed', plan: { closedAt: agreed.body.agreedAt } });
    expect((await notices('self')).at(-1)?.title).toBe(
      `${c.people.supervisor.name} signed: the year-end review is agreed`,
    );

    const plan = await call('self', 'GET', url);
    expect(plan.body.closedAt).toBe(agreed.body.agreedAt);
    const refused = await request({ kind: 'year_end' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields.kind).toMatch(/closed/);

    await editGoal(ids.secret, 'Change jobs in 2028');
    const reviews = await call('self', 'GET', `${url}/reviews`);
    expect(reviews.body.changedSinceClosing).toMatchObject({ kind: 'year_end', count: 1 });
    expect(reviews.body.changedSinceAgreement).toBeNull();
  });

  it('withdrawing revokes the review’s shares at once; only the learner may, and only while open', async () => {
    const { c, call, url, planId, requested, notices } = await learnerWithPlan(t);
    const review = await requested();
    expect((await call('supervisor', 'GET', `/api/shared/plans/${planId}`)).status).toBe(200);
    const refused = await call('supervisor', 'POST', `/api/reviews/${review.id}/withdraw`);
    expect(refused.status).toBe(403);

    const withdrawn = await call('self', 'POST', `/api/reviews/${review.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', shared: [expect.objectContaining({ active: false })] });
    expect((await call('supervisor', 'GET', `/api/shared/plans/${planId}`)).status).toBe(404);
    const grants = (await call('self', 'GET', `${url}/grants`)).body.grants;
    expect(grants.map((g: Json) => [g.reason, g.state])).toEqual([['review', 'revoked']]);
    expect((await notices('supervisor')).at(-1)?.title).toBe(`${c.people.self.name} withdrew their review request`);
    // The supervisor still sees the review itself, with nothing shared any more.
    const seen = await call('supervisor', 'GET', `/api/reviews/${review.id}`);
    expect(seen.body).toMatchObject({ state: 'withdrawn', shared: [] });

    expect((await call('self', 'POST', `/api/reviews/${review.id}/withdraw`)).status).toBe(409);
    expect((await call('self', 'POST', `/api/reviews/${review.id}/sign`, {})).status).toBe(409);
    // A withdrawn request leaves room for a new one.
    expect((await call('self', 'POST', `${url}/reviews`, { kind: 'agreement' })).status).toBe(201);
  });
});
