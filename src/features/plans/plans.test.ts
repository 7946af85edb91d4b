import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = Record<string, any>;
const api = async (method: string, url: string, headers: Record<string, string>, payload?: object) => {
  const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, headers: res.headers };
};

async function learnerWithPlan() {
  const c = await createCast(t);
  const me = c.as('self') as Record<string, string>;
  const plan = await api('POST', '/api/plans', me, { organizationId: c.org.id, cycle: '2027' });
  expect(plan.status).toBe(201);
  return { c, me, planId: plan.body.id as string, url: `/api/plans/${plan.body.id}` };
}

describe('a plan and its four parts', () => {
  it('keeps reflections, goals, network and sharing, all in one response', async () => {
    const { c, me, url } = await learnerWithPlan();
    const reflection = await api('POST', `${url}/reflections`, me, {
      what: 'Ran the summer reading club',
      form: 'team_based',
      enjoyable: 'Planning it with colleagues',
      learnedAboutMe: 'I learn best by doing, with others',
    });
    expect(reflection.status).toBe(201);
    const goal = await api('POST', `${url}/goals`, me, {
      what: 'Run a 30-minute workshop on data literacy',
      targetDate: '2027-06-30',
      reflectionIds: [reflection.body.id],
      topics: ['Data literacy', 'data literacy', 'Teaching'],
      milestones: [{ id: 'm1', title: 'Draft the outline', dueDate: '2027-03-01', done: false }],
    });
    expect(goal.status).toBe(201);
    expect(goal.body.topics).toEqual(['data literacy', 'Teaching']);
    const mentor = await api('POST', `${url}/network`, me, {
      kind: 'person',
      name: 'Sam from Research',
      relation: 'mentor',
      memberId: c.members.otherMember.id,
      goalIds: [goal.body.id],
    });
    expect(mentor.status).toBe(201);
    expect(mentor.body.enlistment).toBe('to_ask');
    const share = await api('POST', `${url}/shares`, me, {
      goalId: goal.body.id,
      how: 'talk',
      audience: 'My team',
      cadence: 'monthly',
    });
    expect(share.status).toBe(201);
    const done = await api('POST', `${url}/shares/${share.body.id}/done`, me, { note: 'Lunch talk on CSV pitfalls' });
    expect(done.status).toBe(201);
    expect(done.body.records).toHaveLength(1);

    const whole = await api('GET', url, me);
    expect(whole.status).toBe(200);
    expect(whole.headers.etag).toBeTruthy();
    expect(whole.body.reflections.map((r: Json) => r.what)).toEqual(['Ran the summer reading club']);
    expect(whole.body.goals[0]).toMatchObject({ what: 'Run a 30-minute workshop on data literacy', status: 'idea' });
    expect(whole.body.network[0]).toMatchObject({ name: 'Sam from Research', goalIds: [goal.body.id] });
    expect(whole.body.shares[0].records[0].note).toBe('Lunch talk on CSV pitfalls');
    const again = await api('GET', url, { ...me, 'if-none-match': whole.headers.etag as string });
    expect(again.status).toBe(304);
    // Browsers get the same plan compressed (made once per change, not per request).
    for (const [accept, inflate] of [
      ['br', brotliDecompressSync],
      ['gzip, deflate', gunzipSync],
    ] as const) {
      const res = await app.inject({ method: 'GET', url, headers: { ...me, 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(accept.split(',')[0]);
      expect(JSON.parse(inflate(res.rawPayload).toString())).toEqual(whole.body);
    }
    const list = await api('GET', `${url}/goals`, me);
    expect(list.body.items).toHaveLength(1);
    const one = await api('GET', `${url}/goals/${goal.body.id}`, me);
    expect(one.body.id).toBe(goal.body.id);
  });

  it('names the field for bad input and writes nothing', async () => {
    const { c, me, url } = await learnerWithPlan();
    const other = await learnerWithPlan();
    const foreignGoal = await api('POST', `${other.url}/goals`, other.me, { what: 'Not yours' });
    const cases: [string, string, object, string][] = [
      ['reflections', 'form', { form: 'osmosis' }, 'form'],
      ['reflections', 'what', { what: 'x'.repeat(301) }, 'what'],
      ['goals', 'targetDate', { targetDate: '30/06/2027' }, 'targetDate'],
      ['goals', 'progress', { progress: 'lots' }, 'progress'],
      ['goals', 'reflectionIds', { reflectionIds: ['nope'] }, 'reflectionIds'],
      ['network', 'name', { kind: 'person', name: '  ' }, 'name'],
      ['network', 'url', { kind: 'resource', name: 'Site', url: 'javascript:alert(1)' }, 'url'],
      ['network', 'goalIds', { kind: 'person', name: 'X', goalIds: [foreignGoal.body.id] }, 'goalIds'],
      ['network', 'memberId', { kind: 'person', name: 'X', memberId: c.members.outsider.id }, 'memberId'],
      ['shares', 'cadence', { how: 'post', cadence: 'hourly' }, 'cadence'],
    ];
    for (const [path, , payload, field] of cases) {
      const res = await api('POST', `${url}/${path}`, me, payload);
      expect(res.status, `${path} ${field}`).toBe(400);
      expect(res.body.error.fields, `${path} ${field}`).toHaveProperty(field);
    }
    const whole = await api('GET', url, me);
    for (const part of ['reflections', 'goals', 'network', 'shares']) expect(whole.body[part]).toEqual([]);
    const empty = await api('POST', '/api/plans', me, { organizationId: c.org.id, cycle: ' ' });
    expect(empty.body.error.fields).toHaveProperty('cycle');
  });

  it('refuses a stale write with 409 and the current version, and takes If-Match', async () => {
    const { me, url } = await learnerWithPlan();
    const goal = await api('POST', `${url}/goals`, me, { what: 'First wording' });
    const tabA = await api('PATCH', `${url}/goals/${goal.body.id}`, me, { what: 'Tab A wording', version: 1 });
    expect(tabA.status).toBe(200);
    expect(tabA.body.version).toBe(2);
    const tabB = await api('PATCH', `${url}/goals/${goal.body.id}`, me, { what: 'Tab B wording', version: 1 });
    expect(tabB.status).toBe(409);
    expect(tabB.body.error.current).toMatchObject({ what: 'Tab A wording', version: 2 });
    const viaHeader = await api(
      'PATCH',
      `${url}/goals/${goal.body.id}`,
      { ...me, 'if-match': '"2"' },
      {
        what: 'Tab B wording',
      },
    );
    expect(viaHeader.status).toBe(200);
    const noVersion = await api('PATCH', `${url}/goals/${goal.body.id}`, me, { what: 'No version' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields).toHaveProperty('version');
    expect((await api('GET', url, me)).body.goals[0].what).toBe('Tab B wording');
  });

  it('remembers where the learner was in the guide', async () => {
    const { me, url } = await learnerWithPlan();
    const moved = await api('PATCH', url, me, { guide: { part: 3, step: 2 } });
    expect(moved.status).toBe(200);
    expect((await api('GET', url, me)).body.guide).toEqual({ part: 3, step: 2 });
    const bad = await api('PATCH', url, me, { guide: { part: 5, step: 0 } });
    expect(bad.status).toBe(400);
  });

  it('lists the learner’s plans and deletes one', async () => {
    const { c, me, url, planId } = await learnerWithPlan();
    await api('POST', `${url}/goals`, me, { what: 'A goal', status: 'achieved' });
    const list = await api('GET', `/api/plans?orgId=${c.org.id}`, me);
    expect(list.body.plans).toEqual([expect.objectContaining({ id: planId, goalCount: 1, achievedCount: 1 })]);
    expect((await api('DELETE', url, me)).status).toBe(204);
    expect((await api('GET', url, me)).status).toBe(404);
  });
});

describe('history', () => {
  it('merges autosaves into one revision, shows the diff and restores a goal’s earlier wording', async () => {
    const { me, url } = await learnerWithPlan();
    const goal = await api('POST', `${url}/goals`, me, { what: 'Learn SQL' });
    let version = goal.body.version;
    for (const what of ['Learn SQL w', 'Learn SQL window', 'Learn SQL window functions']) {
      version = (await api('PATCH', `${url}/goals/${goal.body.id}`, me, { what, version })).body.version;
    }
    // An autosave that folds into the newest revision answers the item exactly as a full read shows it.
    const typed = await api('PATCH', `${url}/goals/${goal.body.id}`, me, {
      topics: ['SQL', 'Data'],
      milestones: [{ id: 'm1', title: 'First query', dueDate: '2027-01-31', done: true }],
      targetDate: '2027-03-31',
      progress: 10,
      version,
    });
    version = typed.body.version;
    expect((await api('GET', url, me)).body.goals[0]).toEqual(typed.body);
    await api('POST', `${url}/reflections`, me, { what: 'Something in between' });
    await api('PATCH', `${url}/goals/${goal.body.id}`, me, { what: 'Master SQL', version });

    const history = await api('GET', `${url}/revisions`, me);
    expect(history.body.revisions.map((r: Json) => `${r.action} ${r.entityType}`)).toEqual([
      'update goal',
      'create reflection',
      'create goal',
      'create plan',
    ]);
    const edit = history.body.revisions[0];
    expect(edit.changedFields).toEqual(['what']);
    const detail = await api('GET', `${url}/revisions/${edit.id}`, me);
    expect(detail.body.before.what).toBe('Learn SQL window functions');
    expect(detail.body.after.what).toBe('Master SQL');

    const created = history.body.revisions[2];
    const restored = await api('POST', `${url}/revisions/${created.id}/restore`, me, { scope: 'item' });
    expect(restored.status).toBe(200);
    expect(restored.body.goals[0].what).toBe('Learn SQL window functions');
    expect(restored.body.reflections).toHaveLength(1); // only the goal went back
    const latest = await api('GET', `${url}/revisions?limit=1`, me);
    expect(latest.body.revisions[0].action).toBe('restore');
  });

  it('restores the whole plan, bringing back a deleted goal with its links and sharing', async () => {
    const { me, url } = await learnerWithPlan();
    const goal = await api('POST', `${url}/goals`, me, { what: 'Present at the regional conference' });
    const entry = await api('POST', `${url}/network`, me, {
      kind: 'community',
      name: 'Library Data Folk',
      goalIds: [goal.body.id],
    });
    await api('POST', `${url}/shares`, me, { goalId: goal.body.id, how: 'post', cadence: 'monthly' });
    const before = await api('GET', `${url}/revisions?limit=1`, me);
    expect((await api('DELETE', `${url}/goals/${goal.body.id}`, me)).status).toBe(204);
    const afterDelete = await api('GET', url, me);
    expect(afterDelete.body.goals).toEqual([]);
    expect(afterDelete.body.shares).toEqual([]);
    expect(afterDelete.body.network[0].goalIds).toEqual([]);

    const restored = await api('POST', `${url}/revisions/${before.body.revisions[0].id}/restore`, me, {
      scope: 'plan',
    });
    expect(restored.body.goals.map((g: Json) => g.what)).toEqual(['Present at the regional conference']);
    expect(restored.body.network[0]).toMatchObject({ id: entry.body.id, goalIds: [goal.body.id] });
    expect(restored.body.shares).toHaveLength(1);
  });
});

describe('several plans, export and import', () => {
  it('carries unfinished goals forward into a new cycle, linked to where they came from', async () => {
    const { c, me, url, planId } = await learnerWithPlan();
    const open = await api('POST', `${url}/goals`, me, { what: 'Still going', status: 'active', progress: 40 });
    await api('POST', `${url}/goals`, me, { what: 'Done already', status: 'achieved' });
    await api('POST', `${url}/network`, me, {
      kind: 'resource',
      name: 'SQL book',
      relation: 'book',
      goalIds: [open.body.id],
    });
    await api('POST', `${url}/shares`, me, { goalId: open.body.id, how: 'post', cadence: 'monthly' });
    const next = await api('POST', '/api/plans', me, {
      organizationId: c.org.id,
      cycle: '2028',
      carryForwardFrom: planId,
    });
    expect(next.status).toBe(201);
    expect(next.body.carriedFromPlanId).toBe(planId);
    expect(next.body.goals).toEqual([
      expect.objectContaining({ what: 'Still going', progress: 40, carriedFromGoalId: open.body.id }),
    ]);
    expect(next.body.network[0].goalIds).toEqual([next.body.goals[0].id]);
    expect(next.body.shares[0].goalId).toBe(next.body.goals[0].id);
    const foreign = await learnerWithPlan();
    const refused = await api('POST', '/api/plans', me, {
      organizationId: c.org.id,
      cycle: '2028',
      carryForwardFrom: foreign.planId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveProperty('carryForwardFrom');
  });

  it('exports JSON that imports back into the same plan, and Markdown and PDF', async () => {
    const { c, me, url } = await learnerWithPlan();
    const r = await api('POST', `${url}/reflections`, me, { what: 'Book club', form: 'peer_to_peer' });
    const g = await api('POST', `${url}/goals`, me, {
      what: 'Write a guide',
      reflectionIds: [r.body.id],
      targetDate: '2027-05-01',
    });
    await api('POST', `${url}/network`, me, { kind: 'person', name: 'Ada', relation: 'coach', goalIds: [g.body.id] });
    const s = await api('POST', `${url}/shares`, me, { goalId: g.body.id, how: 'wiki', cadence: 'once' });
    await api('POST', `${url}/shares/${s.body.id}/done`, me, {
      link: 'https://wiki.example/guide',
      doneOn: '2027-02-02',
    });

    const exported = await app.inject({ method: 'GET', url: `${url}/export?format=json`, headers: me });
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="waymark-plan-2027\.json"/);
    const document = exported.json();
    const imported = await api('POST', '/api/plans/import', me, { organizationId: c.org.id, document });
    expect(imported.status).toBe(201);
    const reexported = await app.inject({ method: 'GET', url: `/api/plans/${imported.body.id}/export`, headers: me });
    expect(normalised(reexported.json())).toEqual(normalised(document));

    const md = await app.inject({ method: 'GET', url: `${url}/export?format=md`, headers: me });
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.body).toContain('Write a guide');
    const pdf = await app.inject({ method: 'GET', url: `${url}/export?format=pdf`, headers: me });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

    const bad = await api('POST', '/api/plans/import', me, {
      organizationId: c.org.id,
      document: { ...document, goals: [{ id: 'g', targetDate: 'soon' }] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).join()).toMatch(/targetDate/);
    const notOurs = await api('POST', '/api/plans/import', me, { organizationId: c.org.id, document: { hello: 1 } });
    expect(notOurs.status).toBe(400);
  });
});

/** The export with ids replaced by their order of appearance, and without the export time. */
function normalised(doc: Json): Json {
  const ids = new Map<string, string>();
  const label = (id: string) => {
    if (!ids.has(id)) ids.set(id, `#${ids.size}`);
    return ids.get(id);
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    if (typeof value === 'string' && key && /^(id|goalId)$|Ids$/.test(key)) return label(value);
    return value;
  };
  const { exportedAt: _e, ...rest } = doc;
  return walk(rest) as Json;
}

describe('guide and templates', () => {
  it('lets L&D adapt the guide’s prompts, and nobody else', async () => {
    const c = await createCast(t);
    const url = `/api/guides/${c.org.id}`;
    const builtIn = await api('GET', url, c.as('self') as Record<string, string>);
    expect(builtIn.body).toMatchObject({ adapted: false, version: 0 });
    expect(builtIn.body.parts).toHaveLength(4);
    const parts = builtIn.body.parts.map((p: Json) => ({ ...p }));
    parts[0].prompts = ['Which library project did you enjoy most?', ...parts[0].prompts.slice(1)];
    const memberTry = await api('PUT', url, c.as('self') as Record<string, string>, { parts, version: 0 });
    expect(memberTry.status).toBe(403);
    const adapted = await api('PUT', url, c.as('admin') as Record<string, string>, { parts, version: 0 });
    expect(adapted.status).toBe(200);
    expect(adapted.body).toMatchObject({ adapted: true, version: 1 });
    const learnerSees = await api('GET', url, c.as('self') as Record<string, string>);
    expect(learnerSees.body.parts[0].prompts[0]).toBe('Which library project did you enjoy most?');
    const stale = await api('PUT', url, c.as('owner') as Record<string, string>, { parts, version: 0 });
    expect(stale.status).toBe(409);
    const empty = await api('PUT', url, c.as('owner') as Record<string, string>, {
      parts: parts.map((p: Json) => ({ ...p, prompts: [] })),
      version: 1,
    });
    expect(empty.status).toBe(400);
    const reset = await api('DELETE', url, c.as('owner') as Record<string, string>);
    expect(reset.body.adapted).toBe(false);
  });

  it('lets L&D publish a template from their plan, and learners start from it', async () => {
    const { org, owner } = await createOrg(t.db);
    const admin = await addMember(t.db, org, { role: 'admin' });
    const learner = await addMember(t.db, org);
    const adminH = { cookie: await t.sessionFor(admin.user.id) };
    const learnerH = { cookie: await t.sessionFor(learner.user.id) };
    const source = await api('POST', '/api/plans', adminH, { organizationId: org.id, cycle: 'Template draft' });
    const g = await api('POST', `/api/plans/${source.body.id}/goals`, adminH, {
      what: 'Learn the catalogue system',
      status: 'active',
      progress: 50,
    });
    await api('POST', `/api/plans/${source.body.id}/network`, adminH, {
      kind: 'resource',
      name: 'Catalogue handbook',
      relation: 'book',
      goalIds: [g.body.id],
    });
    const draft = await api('POST', '/api/templates', adminH, {
      organizationId: org.id,
      name: 'New librarians',
      fromPlanId: source.body.id,
    });
    expect(draft.status).toBe(201);
    expect(draft.body.content.goals[0]).toMatchObject({ status: 'idea', progress: 0 });
    expect((await api('GET', `/api/templates?orgId=${org.id}`, learnerH)).body.templates).toEqual([]);
    expect((await api('GET', `/api/templates/${draft.body.id}`, learnerH)).status).toBe(404);
    const published = await api('PATCH', `/api/templates/${draft.body.id}`, adminH, { published: true, version: 1 });
    expect(published.body.published).toBe(true);
    expect((await api('GET', `/api/templates?orgId=${org.id}`, learnerH)).body.templates).toHaveLength(1);
    const plan = await api('POST', '/api/plans', learnerH, {
      organizationId: org.id,
      cycle: '2027',
      templateId: draft.body.id,
    });
    expect(plan.status).toBe(201);
    expect(plan.body.templateId).toBe(draft.body.id);
    expect(plan.body.goals[0].what).toBe('Learn the catalogue system');
    expect(plan.body.network[0].goalIds).toEqual([plan.body.goals[0].id]);
    const learnerTry = await api('POST', '/api/templates', learnerH, {
      organizationId: org.id,
      name: 'Mine',
      content: { reflections: [], goals: [], network: [], shares: [] },
    });
    expect(learnerTry.status).toBe(403);
    expect(owner).toBeTruthy();
  });

  it("import keeps where a goal was carried from only when that is one of the importer's own goals", async () => {
    const { c, me, url } = await learnerWithPlan();
    const mine = await api('POST', `${url}/goals`, me, { what: 'My earlier goal' });
    const someone = await learnerWithPlan();
    const theirs = await api('POST', `${someone.url}/goals`, someone.me, { what: 'Their private goal' });
    const goal = (id: string, what: string, carriedFromGoalId: string | null) => ({ id, what, carriedFromGoalId });
    const document = {
      format: 'waymark-plan',
      formatVersion: 1,
      plan: { cycle: '2028', title: '' },
      reflections: [],
      goals: [
        goal('g1', 'Carried from mine', mine.body.id),
        goal('g2', 'Carried from theirs', theirs.body.id),
        goal('g3', 'Carried from nowhere', 'no-such-goal'),
      ],
      network: [],
      shares: [],
    };
    const imported = await api('POST', '/api/plans/import', me, { organizationId: c.org.id, document });
    expect(imported.status).toBe(201);
    const carried = Object.fromEntries(
      (imported.body.goals as Json[]).map((g) => [g.what as string, g.carriedFromGoalId as string | null]),
    );
    expect(carried).toEqual({
      'Carried from mine': mine.body.id,
      'Carried from theirs': null,
      'Carried from nowhere': null,
    });
  });
});
