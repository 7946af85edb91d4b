import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';
import { saveItemInOneStatement } from './plan-autosave.js';
import { loadPlan, planCache, withItem } from './plan-cache.js';

const t = await createTestApp();

async function planWithGoal() {
  const { org } = await createOrg(t.db);
  const member = await addMember(t.db, org);
  const plan = await createPlan(t.db, member, { content: { goals: [{ id: 'g', what: 'First words' }] } });
  const headers = { cookie: await t.sessionFor(member.userId) };
  const view = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).json();
  return { plan, member, headers, goal: view.goals[0] as { id: string; version: number } };
}

type Revision = { id: string; seq: number; entityId: string; action: string; actorUserId?: string };

async function revisionsOf(headers: Record<string, string>, planId: string): Promise<Revision[]> {
  const url = `/api/plans/${planId}/revisions?limit=200`;
  return (await t.app.inject({ method: 'GET', url, headers })).json().revisions;
}

async function revisionDetail(headers: Record<string, string>, planId: string, id: string) {
  return (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/revisions/${id}`, headers })).json();
}

const planRow = async (planId: string) => {
  const result = await t.db.execute(sql`select revision_seq, updated_at from plan where id = ${planId}`);
  const [row] = (result as unknown as { rows: { revision_seq: number; updated_at: unknown }[] }).rows;
  return { revision: Number(row?.revision_seq), updatedAt: new Date(row?.updated_at as string).toISOString() };
};

describe('autosave in one statement', () => {
  it('writes the change and folds it into the newest revision', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    const change = { kind: 'goal' as const, planId: plan.id, id: goal.id, actorUserId: member.userId };
    const before = await planRow(plan.id);
    const saved = await saveItemInOneStatement(t.db, {
      ...change,
      version: goal.version,
      fields: {
        what: 'Typed on',
        topics: ['sql'],
        milestones: [{ id: 'm', title: 'One', dueDate: null, done: false }],
      },
    });
    expect(saved?.item).toMatchObject({ id: goal.id, version: goal.version + 1, what: 'Typed on', topics: ['sql'] });
    // Folded in: the plan's revision number and time stay as they were.
    expect(saved?.plan).toEqual(before);
    expect(await planRow(plan.id)).toEqual(before);
    const history = await revisionsOf(headers, plan.id);
    const created = history.find((r) => r.entityId === goal.id) as Revision;
    expect((await revisionDetail(headers, plan.id, created.id)).after).toMatchObject({
      what: 'Typed on',
      topics: ['sql'],
    });
    expect(history.filter((r) => r.entityId === goal.id)).toHaveLength(1);
  });

  it('opens a revision of its own after another change, with the item as it was before', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    const url = `/api/plans/${plan.id}`;
    const other = (
      await t.app.inject({ method: 'POST', url: `${url}/reflections`, headers, payload: { what: 'Pairing' } })
    ).json();
    const before = await planRow(plan.id);
    const saved = await saveItemInOneStatement(t.db, {
      kind: 'goal',
      planId: plan.id,
      id: goal.id,
      version: goal.version,
      actorUserId: member.userId,
      fields: { what: 'Second words', progress: 20 },
    });
    const after = await planRow(plan.id);
    expect(after.revision).toBe(before.revision + 1);
    expect(saved?.plan).toEqual(after);
    const history = await revisionsOf(headers, plan.id);
    expect(history.map((r) => r.entityId).slice(0, 2)).toEqual([goal.id, other.id]);
    const newest = await revisionDetail(headers, plan.id, (history[0] as Revision).id);
    expect(newest).toMatchObject({ action: 'update', entityType: 'goal' });
    expect(newest.before).toMatchObject({ what: 'First words', progress: 0 });
    expect(newest.after).toMatchObject({ what: 'Second words', progress: 20 });
    // The next keystroke folds into it; going back to before the change brings the first words back.
    const typed = await saveItemInOneStatement(t.db, {
      kind: 'goal',
      planId: plan.id,
      id: goal.id,
      version: (saved?.item.version as number) ?? 0,
      actorUserId: member.userId,
      fields: { what: 'Second words, typed on' },
    });
    expect(typed?.plan).toEqual(after);
    expect(await revisionsOf(headers, plan.id)).toHaveLength(history.length);
    const restored = await t.app.inject({
      method: 'POST',
      url: `${url}/revisions/${(history[0] as Revision).id}/restore`,
      headers,
      payload: { scope: 'item', point: 'before' },
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().goals[0]).toMatchObject({ what: 'First words', progress: 0 });
  });

  it('opens no revision for a save that changes nothing, and a revision of their own for another person', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    await t.app.inject({ method: 'POST', url: `/api/plans/${plan.id}/reflections`, headers, payload: { what: 'x' } });
    const count = (await revisionsOf(headers, plan.id)).length;
    const same = await saveItemInOneStatement(t.db, {
      kind: 'goal',
      planId: plan.id,
      id: goal.id,
      version: goal.version,
      actorUserId: member.userId,
      fields: { what: 'First words' },
    });
    expect(same?.item.version).toBe(goal.version + 1);
    expect(await revisionsOf(headers, plan.id)).toHaveLength(count);
    const { org } = await createOrg(t.db);
    const someone = await addMember(t.db, org);
    const theirs = await saveItemInOneStatement(t.db, {
      kind: 'goal',
      planId: plan.id,
      id: goal.id,
      version: goal.version + 1,
      actorUserId: someone.userId,
      fields: { what: 'Their words' },
    });
    expect(theirs?.plan.revision).toBe((same?.plan.revision ?? 0) + 1);
    const [newest] = await revisionsOf(headers, plan.id);
    expect(newest).toMatchObject({ entityId: goal.id, action: 'update' });
  });

  it('writes nothing for a stale version, an unknown item or an unknown plan', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    const before = { row: await planRow(plan.id), history: await revisionsOf(headers, plan.id) };
    const change = {
      kind: 'goal' as const,
      planId: plan.id,
      id: goal.id,
      actorUserId: member.userId,
      fields: { what: 'x' },
    };
    expect(await saveItemInOneStatement(t.db, { ...change, version: goal.version + 5 })).toBe(undefined);
    expect(await saveItemInOneStatement(t.db, { ...change, id: 'no-such-goal', version: 1 })).toBe(undefined);
    expect(await saveItemInOneStatement(t.db, { ...change, planId: 'no-such-plan', version: goal.version })).toBe(
      undefined,
    );
    expect(await saveItemInOneStatement(t.db, { ...change, fields: {}, version: goal.version })).toBe(undefined);
    expect({ row: await planRow(plan.id), history: await revisionsOf(headers, plan.id) }).toEqual(before);
    const view = (await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).json();
    expect(view.goals[0]).toMatchObject({ what: 'First words', version: goal.version });
  });

  it('keeps history a chain when saves of several items of one plan race', async () => {
    const { plan, member, headers, goal } = await planWithGoal();
    const url = `/api/plans/${plan.id}`;
    const first = new Map<string, string>([[goal.id, 'First words']]);
    const versions = new Map([[goal.id, goal.version]]);
    for (const what of ['Other 1', 'Other 2', 'Other 3']) {
      const added = (await t.app.inject({ method: 'POST', url: `${url}/goals`, headers, payload: { what } })).json();
      first.set(added.id, what);
      versions.set(added.id, added.version);
    }
    const saveRound = (round: number) =>
      Promise.all(
        [...versions].map(async ([id, version]) => {
          const saved = await saveItemInOneStatement(t.db, {
            kind: 'goal',
            planId: plan.id,
            id,
            version,
            actorUserId: member.userId,
            fields: { what: `Round ${round} of ${first.get(id)}` },
          });
          versions.set(id, saved?.item.version ?? version);
        }),
      );
    for (let round = 0; round < 15; round++) await saveRound(round);
    const view = (await t.app.inject({ method: 'GET', url, headers })).json();
    expect(view.goals.map((g: { what: string }) => g.what)).toEqual([...first.values()].map((w) => `Round 14 of ${w}`));
    // Numbered one after another, the plan at the newest, and every revision's `before` what the revisions
    // before it left: replaying them backwards from today reaches the plan as it was before the races began.
    const history = await revisionsOf(headers, plan.id);
    expect(history.map((r) => r.seq)).toEqual(history.map((_, i) => history.length - i));
    expect(view.revision).toBe(history.length);
    const content = new Map<string, unknown>(view.goals.map((g: { id: string; what: string }) => [g.id, g.what]));
    for (const revision of history.filter((r) => r.action === 'update')) {
      const detail = await revisionDetail(headers, plan.id, revision.id);
      expect(detail.after.what, `revision ${revision.seq}`).toBe(content.get(revision.entityId));
      content.set(revision.entityId, detail.before.what);
    }
    expect(content).toEqual(first);
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
    // Each part's item typed into several times: the first save opens a revision, the others fold into it, and
    // every one of them updates the copy.
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
      for (const [key, value] of Object.entries(fields)) {
        const item = (view[list] as { id: string; version: number }[])[0] as { id: string; version: number };
        const saved = await t.callOk('PATCH', `${url}/${path}/${item.id}`, me, { [key]: value, version: item.version });
        expect(cache.get(plan.id), `${list} ${key}: the copy was kept`).toBeDefined();
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

describe('the cached copy and a write heard out of order', () => {
  it('is forgotten rather than shown with an older revision than it has', async () => {
    const { plan } = await planWithGoal();
    const cached = (await loadPlan(t.db, plan.id)) as NonNullable<Awaited<ReturnType<typeof loadPlan>>>;
    const goal = cached.view.goals[0] as { id: string; version: number };
    const item = { ...goal, version: goal.version + 1, what: 'Later words' };
    const newer = { revision: cached.view.revision + 1, updatedAt: new Date().toISOString() };
    const updated = withItem(cached, { list: 'goals', item, plan: newer });
    expect(updated?.view).toMatchObject({ revision: newer.revision, updatedAt: newer.updatedAt });
    expect(updated?.view.goals[0]).toMatchObject({ what: 'Later words' });
    const older = { revision: cached.view.revision - 1, updatedAt: cached.view.updatedAt };
    expect(withItem(cached, { list: 'goals', item, plan: older })).toBe(undefined);
    // A write the copy already shows leaves it as it is.
    expect(withItem(cached, { list: 'goals', item: goal, plan: older })).toBe(cached);
  });
});

describe('autosave durability on PostgreSQL', () => {
  it.runIf(t.database.kind === 'postgres')('commits keystrokes durably, like every other write', async () => {
    // Answered "Saved" means on disk (docs/decisions/2026-12-01-durable-writes-and-outages.md).
    const main = await t.db.execute(sql`show synchronous_commit`);
    expect((main as unknown as { rows: { synchronous_commit: string }[] }).rows[0]?.synchronous_commit).toBe('on');
  });
});
