import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';
import { saveIntoNewestRevision } from './plan-autosave.js';
import { loadPlan, planCache } from './plan-cache.js';

const t = await createTestApp();

async function planWithGoal() {
  const { org } = await createOrg(t.db);
  const member = await addMember(t.db, org);
  const plan = await createPlan(t.db, member, { content: { goals: [{ id: 'g', what: 'First words' }] } });
  const headers = { cookie: await t.sessionFor(member.userId) };
  const view = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).json();
  return { plan, member, headers, goal: view.goals[0] as { id: string; version: number } };
}

describe('autosave in one statement', () => {
  it('writes the change and folds it into the newest revision', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    const change = { kind: 'goal' as const, planId: plan.id, id: goal.id, actorUserId: member.userId };
    const saved = await saveIntoNewestRevision(t.db, {
      ...change,
      version: goal.version,
      fields: {
        what: 'Typed on',
        topics: ['sql'],
        milestones: [{ id: 'm', title: 'One', dueDate: null, done: false }],
      },
    });
    expect(saved).toMatchObject({ id: goal.id, version: goal.version + 1, what: 'Typed on', topics: ['sql'] });
    const history = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/revisions`, headers })).json();
    const created = history.revisions.find((r: { entityId: string }) => r.entityId === goal.id);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/revisions/${created.id}`, headers })
    ).json();
    expect(detail.after).toMatchObject({ what: 'Typed on', topics: ['sql'] });
    expect(history.revisions.filter((r: { entityId: string }) => r.entityId === goal.id)).toHaveLength(1);
  });

  it('declines a stale version, another person, or an item that is not the newest change', async () => {
    const { plan, member, goal } = await planWithGoal();
    const change = { kind: 'goal' as const, planId: plan.id, id: goal.id, fields: { what: 'x' } };
    expect(
      await saveIntoNewestRevision(t.db, {
        ...change,
        version: goal.version + 5,
        actorUserId: member.userId,
      }),
    ).toBe(undefined);
    expect(
      await saveIntoNewestRevision(t.db, {
        ...change,
        version: goal.version,
        actorUserId: 'someone-else',
      }),
    ).toBe(undefined);
    expect(
      await saveIntoNewestRevision(t.db, {
        ...change,
        id: 'not-the-newest',
        version: 1,
        actorUserId: member.userId,
      }),
    ).toBe(undefined);
  });
});

describe('a plan read right after an autosave', () => {
  it('comes from the cached copy, which the autosave updated, and is what a rebuild gives', async () => {
    const { org } = await createOrg(t.db);
    const member = await addMember(t.db, org);
    const plan = await createPlan(t.db, member, {
      content: {
        reflections: [{ id: 'r', what: 'A workshop' }],
        goals: [{ id: 'g', what: 'Facilitate', topics: ['facilitation'] }],
        network: [{ id: 'n', kind: 'person', name: 'Ana' }],
        shares: [{ id: 's', how: 'post', detail: 'A post', cadence: 'once' }],
      },
    });
    const me = { cookie: await t.sessionFor(member.userId) };
    const url = `/api/plans/${plan.id}`;
    let view = await t.callOk('GET', url, me);
    const cache = t.ctx.caches.of(planCache);
    // Each part's item typed into twice: the second save is autosave's one-statement path, which updates the copy.
    const edits = {
      reflections: ['reflections', { what: 'A workshop I ran', form: 'coaching', enjoyable: 'The energy' }],
      goals: [
        'goals',
        {
          why: 'Teams ask for it',
          startDate: '2027-01-04',
          progress: 40,
          status: 'active',
          milestones: [{ id: 'm1', title: 'First session', dueDate: '2027-02-01', done: false }],
          topics: ['facilitation', 'Workshops'],
        },
      ],
      network: ['network', { notes: 'Ran twenty of these', url: 'https://example.org/ana', relation: 'expert' }],
      shares: [
        'shares',
        {
          audience: 'My team',
          cadence: 'monthly',
          records: [{ id: 'x', doneOn: '2027-01-20', link: null, note: 'Posted' }],
        },
      ],
    } as const;
    for (const [list, [path, fields]] of Object.entries(edits)) {
      for (const [i, [key, value]] of Object.entries(fields).entries()) {
        const item = (view[list] as { id: string; version: number }[])[0] as { id: string; version: number };
        const saved = await t.callOk('PATCH', `${url}/${path}/${item.id}`, me, { [key]: value, version: item.version });
        if (i > 0) expect(cache.get(plan.id), `${list} ${key}: the copy was kept`).toBeDefined();
        const read = await t.app.inject({ method: 'GET', url, headers: me });
        view = read.json();
        expect((view[list] as { id: string }[])[0]).toEqual(saved);
        const rebuilt = await loadPlan(t.db, plan.id);
        expect(read.body).toBe(rebuilt?.json);
        expect(read.headers.etag).toBe(rebuilt?.etag);
      }
    }
  });
});

describe('autosave durability on PostgreSQL', () => {
  it.runIf(t.database.kind === 'postgres')('commits keystrokes durably, like every other write', async () => {
    // Answered "Saved" means on disk (docs/decisions/2026-12-01-durable-writes-and-outages.md).
    const main = await t.db.execute(sql`show synchronous_commit`);
    expect((main as unknown as { rows: { synchronous_commit: string }[] }).rows[0]?.synchronous_commit).toBe('on');
  });
});
