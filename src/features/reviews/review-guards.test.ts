import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { membership, planReview } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { learnerWithPlan } from '../../test/review-fixture.js';

const t = await createTestApp();

describe('supervisor review: what is refused, and why', () => {
  it('names the field of every validation error, and writes nothing', async () => {
    const { c, call, url, ids, request } = await learnerWithPlan(t);
    const fieldsOf = async (payload: object) => {
      const res = await request(payload);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return res.body.error.fields;
    };
    expect(await fieldsOf({ kind: 'promotion' })).toHaveProperty('kind');
    expect(await fieldsOf({ note: 'x'.repeat(4001) })).toEqual({ note: 'Use at most 4000 characters.' });
    expect(await fieldsOf({ share: [] })).toHaveProperty('share');
    expect(await fieldsOf({ share: [{ scope: 'everything' }] })).toHaveProperty(['share.0.scope']);
    expect(await fieldsOf({ share: [{ scope: 'plan' }, { scope: 'part' }] })).toHaveProperty(['share.1.part']);
    expect(await fieldsOf({ share: [{ scope: 'part', part: 'secrets' }] })).toHaveProperty(['share.0.part']);
    expect(await fieldsOf({ share: [{ scope: 'goal' }] })).toEqual({ 'share.0.goalId': 'Choose the goal to share.' });
    expect(await fieldsOf({ share: [{ scope: 'goal', goalId: 'elsewhere' }] })).toEqual({
      'share.0.goalId': 'Choose one of the goals of this plan.',
    });

    // Without a supervisor in the organisation there is nobody to ask.
    await t.db.update(membership).set({ supervisorId: null }).where(eq(membership.id, c.members.self.id));
    const lonely = await fieldsOf({ share: [{ scope: 'goal', goalId: ids.workshop }] });
    expect(lonely.supervisor).toMatch(/no supervisor in this organisation/);
    expect(
      await t.db
        .select()
        .from(planReview)
        .where(eq(planReview.planId, url.split('/').pop() as string)),
    ).toEqual([]);
    expect((await call('supervisor', 'GET', `/api/reviews?orgId=${c.org.id}`)).body.reviews).toEqual([]);
  });

  it('keeps one open review of a kind per plan', async () => {
    const { request, requested } = await learnerWithPlan(t);
    await requested();
    const twice = await request();
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields.kind).toBeTruthy();
    expect((await request({ kind: 'year_end' })).status).toBe(201);
  });

  it('lets each side edit only their own note, with a version', async () => {
    const { c, call, requested } = await learnerWithPlan(t);
    const review = await requested();
    const patch = (kind: 'self' | 'supervisor', payload: object) =>
      call(kind, 'PATCH', `/api/reviews/${review.id}`, payload);
    const theirs = await patch('self', { supervisorNote: 'I agree', version: review.version });
    expect(theirs.status).toBe(400);
    expect(theirs.body.error.fields).toEqual({ supervisorNote: 'Only your supervisor writes this note.' });
    const mine = await patch('supervisor', { learnerNote: 'Rewritten', version: review.version });
    expect(mine.body.error.fields).toEqual({ learnerNote: 'Only the learner writes this note.' });
    expect((await patch('self', { learnerNote: 'No version' })).body.error.fields).toEqual({
      version: 'Send the version you edited.',
    });
    expect((await patch('self', { version: review.version })).body.error.fields).toHaveProperty('learnerNote');
    const tooLong = await patch('supervisor', { supervisorNote: 'x'.repeat(4001), version: review.version });
    expect(tooLong.body.error.fields).toHaveProperty('supervisorNote');
    // If-Match carries the version as well as the body does.
    const byHeader = await t.call(
      'PATCH',
      `/api/reviews/${review.id}`,
      { ...(c.as('self') as Record<string, string>), 'if-match': `"${review.version}"` },
      { learnerNote: 'By If-Match' },
    );
    expect(byHeader.body).toMatchObject({ learnerNote: 'By If-Match', version: review.version + 1 });
  });

  it('shows a review to its learner and named supervisor only: not admins, owners, others or a later supervisor', async () => {
    const { c, call, planId, requested } = await learnerWithPlan(t);
    const review = await requested({ share: [{ scope: 'plan' }] });
    const missing = await call('admin', 'GET', '/api/reviews/no-such-review');
    for (const kind of ['admin', 'owner', 'otherMember', 'outsider'] as const) {
      const res = await call(kind, 'GET', `/api/reviews/${review.id}`);
      expect(res.status, kind).toBe(404);
      expect(res.body, kind).toEqual(missing.body);
      expect((await call(kind, 'GET', `/api/shared/plans/${planId}`)).status, kind).toBe(404);
      expect((await call(kind, 'POST', `/api/reviews/${review.id}/sign`, {})).status, kind).toBe(404);
      expect((await call(kind, 'GET', `/api/plans/${planId}/reviews`)).status, kind).toBe(404);
    }
    for (const kind of ['admin', 'owner', 'otherMember'] as const) {
      expect((await call(kind, 'GET', `/api/reviews?orgId=${c.org.id}`)).body.reviews, kind).toEqual([]);
    }
    expect((await call('outsider', 'GET', `/api/reviews?orgId=${c.org.id}`)).status).toBe(404);
    expect((await call('anonymous', 'GET', `/api/reviews/${review.id}`)).status).toBe(401);

    // A new supervisor does not inherit the old review; the one named on it keeps it.
    const admin = c.as('admin') as Record<string, string>;
    const moved = await t.call('PATCH', `/api/orgs/${c.org.id}/members/${c.members.self.id}`, admin, {
      supervisorId: c.members.otherMember.id,
    });
    expect(moved.status).toBe(200);
    expect((await call('otherMember', 'GET', `/api/reviews/${review.id}`)).status).toBe(404);
    expect((await call('otherMember', 'GET', `/api/reviews?orgId=${c.org.id}`)).body.reviews).toEqual([]);
    expect((await call('supervisor', 'GET', `/api/reviews/${review.id}`)).status).toBe(200);
  });
});
