import { describe, expect, it } from 'vitest';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { learnerWith } from '../../test/insights-fixture.js';

/*
 * "Count again now" with the job queue running, as the app runs: the request answers at once (202, counting)
 * and the figures change when the queued count is done. (insights.test.ts runs without a queue: counted
 * before answering, 200.)
 */

const t = await createTestApp({ jobs: true });

describe('count again now, with the job queue', () => {
  it('is queued and answered at once; the figures follow when it is done', async () => {
    const { org } = await createOrg(t.db);
    const admin = await addMember(t.db, org, { role: 'admin' });
    const cookie = await t.sessionFor(admin.user.id);
    for (let i = 0; i < 5; i++) await learnerWith(t.db, org, { topics: ['Budgeting'] });
    const budgeting = async () => {
      const d = (await t.call('GET', `/api/orgs/${org.id}/insights`, { cookie })).body as Json;
      return (d.topics.rows as Json[]).find((r) => r.key === 'budgeting')?.learners;
    };
    expect(await budgeting()).toBe(5); // the first dashboard builds the facts
    const before = (await t.call('GET', `/api/orgs/${org.id}/insights/settings`, { cookie })).body.refreshedAt;

    await learnerWith(t.db, org, { topics: ['Budgeting'] }); // written since the count
    const asked = await t.call('POST', `/api/orgs/${org.id}/insights/refresh`, { cookie });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ counting: true, refreshedAt: before, k: 5 });
    // Asking again while it is queued or counting is no error (and queues no more than one more).
    expect((await t.call('POST', `/api/orgs/${org.id}/insights/refresh`, { cookie })).status).toBe(202);

    await expect.poll(budgeting, { timeout: 15_000, interval: 250 }).toBe(6);
    const after = (await t.call('GET', `/api/orgs/${org.id}/insights/settings`, { cookie })).body.refreshedAt;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));

    // Learners may not ask for it.
    const learner = await learnerWith(t.db, org, {});
    const learnerCookie = await t.sessionFor(learner.member.user.id);
    expect((await t.call('POST', `/api/orgs/${org.id}/insights/refresh`, { cookie: learnerCookie })).status).toBe(403);
  });
});
