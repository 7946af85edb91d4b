import { describe, expect, it } from 'vitest';
import { castCalls, createCast } from '../../test/actors.js';
import type { Json } from '../../test/app.js';
import { createTestApp } from '../../test/app.js';

/*
 * History's two ways back: "Undo this change" takes back one change and keeps everything done since;
 * "Go back to how it was before this change" returns to the state right before it, later changes included.
 * (The old single button restored the state right after the change: today's state, so it did nothing.)
 */

const t = await createTestApp();

/** A goal changed twice (wording, then date), with reflections added between so the edits stay apart. */
async function goalEditedTwice() {
  const c = await createCast(t);
  const { call, mine } = castCalls(t, c);
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const url = `/api/plans/${plan.id}`;
  const goal = await mine('POST', `${url}/goals`, { what: 'Learn SQL', targetDate: '2027-06-30' });
  await mine('POST', `${url}/reflections`, { what: 'Reading club' });
  const reworded = await mine('PATCH', `${url}/goals/${goal.id}`, { what: 'Write SQL reports', version: goal.version });
  await mine('POST', `${url}/reflections`, { what: 'Pairing on queries' });
  await mine('PATCH', `${url}/goals/${goal.id}`, { targetDate: '2027-09-30', version: reworded.version });
  const revisions = (await mine('GET', `${url}/revisions`)).revisions as Json[];
  const rewording = revisions.find((r) => r.entityType === 'goal' && r.changedFields.includes('what')) as Json;
  return { c, call, mine, url, goalId: goal.id as string, rewording: rewording.id as string, revisions };
}

describe('undo this change', () => {
  it('takes back only the fields of that change, keeps later changes, and can itself be undone', async () => {
    const { call, url, rewording, mine } = await goalEditedTwice();
    const undone = await call('self', 'POST', `${url}/revisions/${rewording}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.goals[0]).toMatchObject({ what: 'Learn SQL', targetDate: '2027-09-30' });
    expect(undone.body.reflections).toHaveLength(2);

    const newest = (await mine('GET', `${url}/revisions?limit=1`)).revisions[0];
    expect(newest).toMatchObject({ action: 'undo', entityType: 'goal', changedFields: ['what'] });
    const redone = await call('self', 'POST', `${url}/revisions/${newest.id}/undo`);
    expect(redone.body.goals[0]).toMatchObject({ what: 'Write SQL reports', targetDate: '2027-09-30' });
  });

  it('refuses with 409, changing nothing, when a later change touched the same field', async () => {
    const { call, url, rewording, goalId, mine } = await goalEditedTwice();
    const goal = await mine('GET', `${url}/goals/${goalId}`);
    await mine('POST', `${url}/reflections`, { what: 'Keeps the edits apart' });
    await mine('PATCH', `${url}/goals/${goalId}`, { what: 'Write SQL dashboards', version: goal.version });
    const refused = await call('self', 'POST', `${url}/revisions/${rewording}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/go back to how it was before this change/);
    expect((await mine('GET', `${url}/goals/${goalId}`)).what).toBe('Write SQL dashboards');
  });

  it('removes what the change added and brings back what it removed, with its id', async () => {
    const { call, url, mine, revisions } = await goalEditedTwice();
    const added = revisions.find(
      (r) => r.entityType === 'reflection' && r.label === 'Reflection: Reading club',
    ) as Json;
    const without = await call('self', 'POST', `${url}/revisions/${added.id}/undo`);
    expect(without.body.reflections.map((r: Json) => r.what)).toEqual(['Pairing on queries']);

    const entry = await mine('POST', `${url}/network`, { kind: 'person', name: 'Ada' });
    await call('self', 'DELETE', `${url}/network/${entry.id}`);
    const removal = (await mine('GET', `${url}/revisions?limit=1`)).revisions[0];
    const back = await call('self', 'POST', `${url}/revisions/${removal.id}/undo`);
    expect(back.body.network).toEqual([expect.objectContaining({ id: entry.id, name: 'Ada' })]);
    expect((await call('self', 'POST', `${url}/revisions/${removal.id}/undo`)).status).toBe(409);
  });

  it('has nothing to undo in a plan’s creation', async () => {
    const { call, url, revisions } = await goalEditedTwice();
    const creation = revisions.at(-1) as Json;
    expect(creation).toMatchObject({ entityType: 'plan', action: 'create' });
    const refused = await call('self', 'POST', `${url}/revisions/${creation.id}/undo`);
    expect(refused.status).toBe(409);
    expect((await call('self', 'GET', url)).body.cycle).toBe('2027');
  });
});

describe('go back to how it was before this change', () => {
  it('returns the whole plan, or only the item, to the state right before the change', async () => {
    const { call, url, rewording } = await goalEditedTwice();
    const item = await call('self', 'POST', `${url}/revisions/${rewording}/restore`, {
      scope: 'item',
      point: 'before',
    });
    expect(item.status).toBe(200);
    expect(item.body.goals[0]).toMatchObject({ what: 'Learn SQL', targetDate: '2027-06-30' });
    expect(item.body.reflections).toHaveLength(2);

    const { call: call2, url: url2, rewording: rewording2 } = await goalEditedTwice();
    const plan = await call2('self', 'POST', `${url2}/revisions/${rewording2}/restore`, { point: 'before' });
    expect(plan.body.goals[0]).toMatchObject({ what: 'Learn SQL', targetDate: '2027-06-30' });
    expect(plan.body.reflections.map((r: Json) => r.what)).toEqual(['Reading club']);
  });

  it('names a bad point', async () => {
    const { call, url, rewording } = await goalEditedTwice();
    const res = await call('self', 'POST', `${url}/revisions/${rewording}/restore`, { point: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('point');
  });
});

describe('who may undo', () => {
  it('only the learner: a mentor the plan is shared with to comment, and everyone else, cannot', async () => {
    const { c, call, url, rewording, goalId, mine } = await goalEditedTwice();
    const planId = url.split('/').at(-1);
    await mine('POST', `${url}/grants`, { memberId: c.members.otherMember.id, scope: 'plan', access: 'comment' });
    expect((await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).status).toBe(200);
    const expected = { anonymous: 401, otherMember: 404, supervisor: 404, admin: 404, owner: 404, outsider: 404 };
    for (const [kind, status] of Object.entries(expected)) {
      const undo = await call(kind as keyof typeof expected, 'POST', `${url}/revisions/${rewording}/undo`);
      expect([kind, undo.status]).toEqual([kind, status]);
      const back = await call(kind as keyof typeof expected, 'POST', `${url}/revisions/${rewording}/restore`, {
        point: 'before',
      });
      expect([kind, back.status]).toEqual([kind, status]);
    }
    expect((await mine('GET', `${url}/goals/${goalId}`)).what).toBe('Write SQL reports');
  });
});
