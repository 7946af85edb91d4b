import { describe, expect, it } from 'vitest';
import { createTestApp, type Json } from '../../test/app.js';
import { learnerWithPlan } from '../../test/review-fixture.js';

const t = await createTestApp();

/** A plan whose learning agreement both signed (the supervisor first), with the revisions after it. */
async function agreedPlan() {
  const setup = await learnerWithPlan(t);
  const review = await setup.requested();
  await setup.call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
  const agreed = await setup.call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
  expect(agreed.body.state).toBe('agreed');
  const history = async () => (await setup.call('self', 'GET', `${setup.url}/revisions`)).body.revisions as Json[];
  return { ...setup, review, history };
}

describe('signatures in the plan’s history', () => {
  it('records each signature as a revision by the signer, with nothing to compare', async () => {
    const { c, call, url, history } = await agreedPlan();
    const [learner, supervisor] = (await history()) as [Json, Json];
    expect(learner).toMatchObject({
      action: 'sign',
      entityType: 'plan',
      label: 'Learning agreement (as learner)',
      changedFields: [],
      actorName: c.people.self.name,
    });
    expect(supervisor).toMatchObject({ action: 'sign', label: 'Learning agreement (as supervisor)' });
    expect(supervisor.actorName).toBe(c.people.supervisor.name);
    const detail = await call('self', 'GET', `${url}/revisions/${supervisor.id}`);
    expect(detail.body).toMatchObject({ action: 'sign', before: null, changedFields: [] });
    expect((await call('self', 'GET', url)).body.revision).toBe(learner.seq);
  });

  it('stops an autosave merging into the edit made before the signature', async () => {
    const setup = await learnerWithPlan(t);
    const { call, ids, editGoal } = setup;
    await editGoal(ids.workshop, 'Run a workshop in spring');
    const review = await setup.requested();
    await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});
    // The same goal, by the same person, within the merge window: without the signature this would merge.
    await editGoal(ids.workshop, 'Run a workshop in autumn');
    const [edit, signature, before] = (await call('self', 'GET', `${setup.url}/revisions`)).body.revisions;
    expect([edit.action, signature.action, before.action]).toEqual(['update', 'sign', 'update']);
    expect(before.label).toBe('Goal: Run a workshop in spring');
    const signed = await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    expect(signed.body.signAgain).toBe('learner');
  });

  it('restores across signatures without touching them, and restoring to a signature changes nothing', async () => {
    const { call, url, ids, history, editGoal } = await agreedPlan();
    const [learnerSignature, supervisorSignature, lastEdit] = (await history()) as [Json, Json, Json];
    // Across the learner's signature to the supervisor's: no content changed in between, nothing to do.
    const count = (await history()).length;
    for (const scope of ['plan', 'item'] as const) {
      const res = await call('self', 'POST', `${url}/revisions/${supervisorSignature.id}/restore`, { scope });
      expect(res.status).toBe(200);
    }
    expect(await history()).toHaveLength(count);

    const plan = (await call('self', 'GET', url)).body;
    await call('self', 'PATCH', url, { title: 'Renamed after the agreement', version: plan.version });
    await editGoal(ids.workshop, 'Run two workshops');
    // Back to before both signatures: the title comes back from the rename's `before`, not a signature's.
    const restored = await call('self', 'POST', `${url}/revisions/${lastEdit.id}/restore`, { scope: 'plan' });
    expect(restored.status).toBe(200);
    expect(restored.body.title).toBe('Growing');
    expect(restored.body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop', 'Change jobs']);
    const after = await history();
    expect(after.slice(0, 2).map((r) => r.action)).toEqual(['restore', 'restore']);
    expect(after.filter((r) => r.action === 'sign').map((r) => r.id)).toEqual([
      learnerSignature.id,
      supervisorSignature.id,
    ]);
  });
});
