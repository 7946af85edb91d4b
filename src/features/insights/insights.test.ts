import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notification } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { type LearnerSpec, learnerWith } from '../../test/insights-fixture.js';
import { refreshFacts } from './facts.js';
import { insightJobs, REFRESH_QUEUE } from './insights.jobs.js';

const t = await createTestApp();

/** An organisation with an L&D admin, and learners made from specs. */
async function organisation(specs: LearnerSpec[]) {
  const { org } = await createOrg(t.db);
  const admin = await addMember(t.db, org, { role: 'admin' });
  const adminCookie = await t.sessionFor(admin.user.id);
  const learners: Awaited<ReturnType<typeof learnerWith>>[] = [];
  for (const spec of specs) learners.push(await learnerWith(t.db, org, spec));
  const as = (cookie: string) => ({
    call: (method: string, url: string, payload?: object) => t.call(method, url, { cookie }, payload),
  });
  const admin$ = as(adminCookie);
  const dashboard = async (query = '') => {
    const res = await admin$.call('GET', `/api/orgs/${org.id}/insights${query}`);
    if (res.status !== 200) throw new Error(`dashboard: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  };
  const learner = async (i: number) => as(await t.sessionFor(learners[i]?.member.user.id ?? ''));
  return { org, admin, admin$, learners, dashboard, learner };
}

const times = <T>(n: number, spec: T): T[] => Array.from({ length: n }, () => spec);
const topicRow = (d: Json, key: string) => (d.topics.rows as Json[]).find((r) => r.key === key);

describe('consent', () => {
  it('is off until the learner says yes, theirs alone to read and change, and never part of a member view', async () => {
    const { org } = await createOrg(t.db);
    const self = await addMember(t.db, org);
    const other = await addMember(t.db, org, { role: 'admin' });
    const selfCookie = { cookie: await t.sessionFor(self.user.id) };
    const adminCookie = { cookie: await t.sessionFor(other.user.id) };
    const url = `/api/orgs/${org.id}/members/${self.id}/insights-consent`;

    expect((await t.call('GET', url, selfCookie)).body).toEqual({ consent: false, decidedAt: null });
    const yes = await t.call('PUT', url, selfCookie, { consent: true });
    expect(yes.status).toBe(200);
    expect(yes.body.consent).toBe(true);
    expect(Date.parse(yes.body.decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    expect((await t.call('GET', url, adminCookie)).status).toBe(403);
    expect((await t.call('PUT', url, adminCookie, { consent: false })).status).toBe(403);
    expect((await t.call('GET', url, selfCookie)).body.consent).toBe(true);
    const bad = await t.call('PUT', url, selfCookie, { consent: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.consent).toBeTruthy();

    const view = await t.call('GET', `/api/orgs/${org.id}/members/${self.id}`, adminCookie);
    expect(JSON.stringify(view.body)).not.toMatch(/consent/i);
  });
});

describe('the dashboard', () => {
  it('counts opted-in learners only, and shows nothing that comes from fewer than k', async () => {
    const o = await organisation([
      ...times(6, { topics: ['SQL'], forms: ['mentoring' as const], checkedIn: true, department: 'Library' }),
      { topics: ['sql '], forms: ['formal_course'], department: 'Library' },
      { topics: ['Cooking'], forms: ['formal_course'], department: 'Library' },
      // Eight who said no: they would make "secret topic" and coaching a figure if they counted.
      ...times(8, { consent: false, topics: ['Secret topic'], forms: ['coaching' as const], checkedIn: true }),
    ]);
    const d = await o.dashboard();
    expect(d.population).toBe(8);
    expect(d.members).toBe(18); // the admin, the owner, 16 learners
    expect(topicRow(d, 'sql')).toMatchObject({ label: 'sql', listed: false, learners: 7 });
    expect(topicRow(d, 'secret topic')).toBeUndefined();
    expect(topicRow(d, 'cooking')).toBeUndefined();
    expect(d.topics.fewer).toBe(1);
    const form = (f: string) => (d.forms.rows as Json[]).find((r) => r.form === f)?.learners;
    expect(form('mentoring')).toBe(6);
    expect(form('formal_course')).toBeNull(); // 2 learners
    expect(form('coaching')).toBeNull(); // 8, all opted out
    expect((d.forms.groups as Json[]).find((g) => g.group === 'social')?.learners).toBe(6);
    expect(d.participation).toMatchObject({ logged: 8, checkedIn: 6, shared: null });
    const active = (d.statusOverTime.rows as Json[]).find((r) => r.status === 'active');
    expect(active?.counts.at(-1)).toBe(8);
    expect(d.statusOverTime.months).toHaveLength(12);

    // No learner is named or identified anywhere in what the admin gets.
    const text = JSON.stringify(d);
    for (const { member } of o.learners) {
      expect(text).not.toContain(member.id);
      expect(text).not.toContain(member.user.name);
    }
  });

  it('drops a learner who opts out from the next figures, and refuses when fewer than k remain', async () => {
    const o = await organisation(times(6, { topics: ['Facilitation'] }));
    expect(topicRow(await o.dashboard(), 'facilitation')?.learners).toBe(6);

    const leaver = await o.learner(0);
    const consentUrl = `/api/orgs/${o.org.id}/members/${o.learners[0]?.member.id}/insights-consent`;
    expect((await leaver.call('PUT', consentUrl, { consent: false })).status).toBe(200);
    const after = await o.dashboard();
    expect(after.population).toBe(5);
    expect(topicRow(after, 'facilitation')?.learners).toBe(5);
    // Even an hourly refresh does not bring them back.
    expect((await o.admin$.call('POST', `/api/orgs/${o.org.id}/insights/refresh`)).status).toBe(200);
    expect(topicRow(await o.dashboard(), 'facilitation')?.learners).toBe(5);

    const second = await o.learner(1);
    await second.call('PUT', `/api/orgs/${o.org.id}/members/${o.learners[1]?.member.id}/insights-consent`, {
      consent: false,
    });
    const refused = await o.admin$.call('GET', `/api/orgs/${o.org.id}/insights`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.organization).toMatch(/Fewer than 5/);

    // Saying yes again counts them at once.
    await leaver.call('PUT', consentUrl, { consent: true });
    expect(topicRow(await o.dashboard(), 'facilitation')?.learners).toBe(5);
  });

  it('shows goal statuses month by month from the plans’ history', async () => {
    const o = await organisation(times(5, { topics: ['Negotiation'], status: 'active' as const }));
    // Backdate: the goals were set three months ago and achieved last month.
    const ids = o.learners.map((l) => l.plan.id);
    const planIds = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    await t.db.execute(sql`
      update plan_revision set created_at = date_trunc('month', now()) - interval '3 months',
        updated_at = date_trunc('month', now()) - interval '3 months' + interval '2 days'
      where plan_id in (${planIds})`);
    await t.db.execute(sql`
      insert into plan_revision (id, plan_id, seq, entity_type, entity_id, action, before, after, created_at, updated_at)
      select gen_random_uuid()::text, g.plan_id, 100, 'goal', g.id, 'update', jsonb_build_object('status', 'active'),
        jsonb_build_object('status', 'achieved'), date_trunc('month', now()) - interval '1 month' + interval '3 days',
        date_trunc('month', now()) - interval '1 month' + interval '3 days'
      from plan_goal g where g.plan_id in (${planIds})`);
    await t.db.execute(sql`update plan_goal set status = 'achieved' where plan_id in (${planIds})`);
    await o.admin$.call('POST', `/api/orgs/${o.org.id}/insights/refresh`);

    const d = await o.dashboard();
    const counts = (status: string) =>
      ((d.statusOverTime.rows as Json[]).find((r) => r.status === status)?.counts ?? []).slice(-5);
    expect(counts('active')).toEqual([null, 5, 5, 5, null]);
    expect(counts('achieved')).toEqual([null, null, null, 5, null]);
  });

  it('refuses bad periods with the field and the reason', async () => {
    const o = await organisation(times(5, { topics: ['Writing'] }));
    const ask = (q: string) => o.admin$.call('GET', `/api/orgs/${o.org.id}/insights${q}`);
    expect((await ask('?from=2026-13')).body.error.fields.from).toMatch(/YYYY-MM/);
    expect((await ask('?from=2026-05&to=2026-01')).body.error.fields.from).toMatch(/starts after/);
    expect((await ask('?to=2099-01')).body.error.fields.to).toMatch(/up to/);
    expect((await ask('?from=2000-01&to=2000-02')).body.error.fields.from).toMatch(/reach back/);
    const next = new Date();
    const to = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
    const from = `${next.getUTCFullYear() - 3}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
    expect((await ask(`?from=${from}&to=${to}`)).body.error.fields.from).toMatch(/at most 24/);
    expect((await ask('?team=Reference')).body.error.fields.team).toMatch(/department first/);
  });
});

describe('k', () => {
  it('only goes up, and a raised k hides groups under it', async () => {
    const o = await organisation(times(6, { topics: ['Statistics'] }));
    const url = `/api/orgs/${o.org.id}/insights/settings`;
    expect((await o.admin$.call('GET', url)).body.k).toBe(5);
    const raised = await o.admin$.call('PATCH', url, { k: 7 });
    expect(raised.body.k).toBe(7);
    const lower = await o.admin$.call('PATCH', url, { k: 6 });
    expect(lower.status).toBe(400);
    expect(lower.body.error.fields.k).toMatch(/only goes up: it is 7/);
    expect((await o.admin$.call('PATCH', url, { k: 3 })).body.error.fields.k).toMatch(/at least 5/);
    expect((await o.admin$.call('GET', `/api/orgs/${o.org.id}/insights`)).status).toBe(400); // 6 < 7
    await learnerWith(t.db, o.org, { topics: ['Statistics'] });
    await o.admin$.call('POST', `/api/orgs/${o.org.id}/insights/refresh`); // written straight to the database
    expect(topicRow(await o.dashboard(), 'statistics')?.learners).toBe(7);
  });
});

describe('filters cannot single anyone out', () => {
  // Departments and teams: every pair of views that differ by 1..k−1 learners must have one of them refused.
  const layout: [string | null, string | null, number][] = [
    ['Library', 'Cataloguing', 6],
    ['Library', 'Reference', 4],
    ['Research', 'Data', 8],
    ['Research', null, 1],
    ['Archive', 'Digitising', 7],
    ['Archive', 'Reading room', 2],
    ['Finance', 'Payroll', 3],
    [null, null, 2],
    ['Outreach', 'Events', 9],
    ['Outreach', 'Schools', 5],
  ];

  it('refuses or suppresses every pair of filters that differ by fewer than k people', async () => {
    const o = await organisation(
      layout.flatMap(([department, team, n]) => times(n, { department, team, topics: ['Archiving'] })),
    );
    type View = { department?: string; team?: string; learners: Set<number> };
    const members = layout.flatMap(([department, team, n]) => times(n, { department, team }));
    const views: View[] = [{ learners: new Set(members.map((_, i) => i)) }];
    for (const department of new Set(layout.map(([d]) => d).filter((d): d is string => d !== null))) {
      const inDepartment = (i: number) => members[i]?.department === department;
      views.push({ department, learners: new Set(members.map((_, i) => i).filter(inDepartment)) });
      for (const team of new Set(layout.filter(([d, tm]) => d === department && tm).map(([, tm]) => tm as string))) {
        views.push({
          department,
          team,
          learners: new Set(members.map((_, i) => i).filter((i) => inDepartment(i) && members[i]?.team === team)),
        });
      }
    }
    const shown = new Map<View, boolean>();
    for (const v of views) {
      const q = new URLSearchParams({
        ...(v.department && { department: v.department }),
        ...(v.team && { team: v.team }),
      });
      const res = await o.admin$.call('GET', `/api/orgs/${o.org.id}/insights?${q}`);
      expect([200, 400]).toContain(res.status);
      shown.set(v, res.status === 200);
      if (res.status === 200) expect(res.body.population).toBe(v.learners.size);
    }
    let risky = 0;
    for (const a of views) {
      for (const b of views) {
        const inside = [...a.learners].every((i) => b.learners.has(i));
        const difference = b.learners.size - a.learners.size;
        if (a === b || !inside || difference === 0 || difference >= 5) continue;
        risky += 1;
        expect(shown.get(a) && shown.get(b), `${JSON.stringify(a)} inside ${JSON.stringify(b)}`).toBe(false);
      }
    }
    expect(risky).toBe(3); // Library − Cataloguing, Research − Data, Archive − Digitising
    // And the ones that are safe are offered.
    const options = (await o.dashboard()).options.departments as Json[];
    expect(options).toEqual([
      { name: 'Archive', teams: [] },
      { name: 'Library', teams: [] },
      { name: 'Outreach', teams: ['Events', 'Schools'] },
      { name: 'Research', teams: [] },
    ]);
  });
});

describe('counts', () => {
  /** The organisation's counts (per team, and in all), and its facts counted afresh: always the same. */
  async function countsAndFacts(orgId: string) {
    const rows = async (query: ReturnType<typeof sql>) => rowsOf(await t.db.execute(query));
    return {
      counts: await rows(sql`select department, team, kind, key, months::text, learners from insight_count
                             where organization_id = ${orgId} order by 1, 2, 3, 4, 5`),
      facts: await rows(sql`select department, team, kind, key, months::text, count(*)::integer as learners
                            from insight_fact where organization_id = ${orgId} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
      orgCounts: await rows(sql`select kind, key, months::text, learners from insight_org_count
                                where organization_id = ${orgId} order by 1, 2, 3`),
      orgFacts: await rows(sql`select kind, key, months::text, count(*)::integer as learners from insight_fact
                               where organization_id = ${orgId} group by 1, 2, 3 order by 1, 2, 3`),
    };
  }

  it('counts a learner where they sit now, forgets one who leaves, and always equals the facts', async () => {
    const o = await organisation([
      ...times(8, { department: 'Library', team: 'Cataloguing', topics: ['Archiving'] }),
      ...times(6, { department: 'Research', team: 'Data', topics: ['Archiving'] }),
    ]);
    const archiving = async (query = '') => topicRow(await o.dashboard(query), 'archiving')?.learners;
    expect(await archiving('?department=Library')).toBe(8);

    const moved = o.learners[0]?.member.id;
    const move = await o.admin$.call('PATCH', `/api/orgs/${o.org.id}/members/${moved}`, {
      department: 'Research',
      team: 'Data',
    });
    expect(move.status).toBe(200);
    expect(await archiving('?department=Library')).toBe(7);
    expect(await archiving('?department=Research&team=Data')).toBe(7);

    const left = await o.admin$.call('DELETE', `/api/orgs/${o.org.id}/members/${o.learners[1]?.member.id}`);
    expect(left.status).toBe(204);
    expect(await archiving('?department=Library')).toBe(6);
    expect(await archiving()).toBe(13);
    const { counts, facts, orgCounts, orgFacts } = await countsAndFacts(o.org.id);
    expect(counts).toEqual(facts);
    expect(orgCounts).toEqual(orgFacts);
    expect(facts.length).toBeGreaterThan(0);

    // A refresh in the same month writes only what changed: here nothing, so no fact is rewritten.
    const written = sql`select member_id, kind, key, xmin::text from insight_fact
                        where organization_id = ${o.org.id} order by 1, 2, 3`;
    const before = rowsOf(await t.db.execute(written));
    expect((await o.admin$.call('POST', `/api/orgs/${o.org.id}/insights/refresh`)).status).toBe(200);
    expect(rowsOf(await t.db.execute(written))).toEqual(before);
    expect(await archiving()).toBe(13);
    // Deleting the organisation leaves no count behind.
    await t.db.execute(sql`delete from organization where id = ${o.org.id}`);
    expect(await countsAndFacts(o.org.id)).toEqual({ counts: [], facts: [], orgCounts: [], orgFacts: [] });
  });
});

describe('topics', () => {
  it('folds learners’ words onto the topic list, suggests merges by similarity, and remembers dismissals', async () => {
    const o = await organisation([
      ...times(6, { topics: ['Spreadsheets'] }),
      ...times(5, { topics: ['spreadsheet'] }),
      ...times(3, { topics: ['SQL'] }),
      ...times(3, { topics: ['databases'] }),
      ...times(6, { topics: ['Public speaking'] }),
    ]);
    const base = `/api/orgs/${o.org.id}/insights`;
    const suggestions = (await o.admin$.call('GET', `${base}/topic-suggestions`)).body.suggestions as Json[];
    expect(suggestions).toContainEqual(
      expect.objectContaining({ phrase: 'spreadsheet', target: 'spreadsheets', targetListed: false, learners: 5 }),
    );
    // Words fewer than k learners use are never shown, not even as suggestions.
    expect(JSON.stringify(suggestions)).not.toMatch(/sql|databases/);

    const merged = await o.admin$.call('POST', `${base}/topic-suggestions/merge`, {
      phrase: 'spreadsheet',
      target: 'spreadsheets',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ name: 'spreadsheets', synonyms: ['spreadsheet'] });
    const created = await o.admin$.call('POST', `${base}/topics`, {
      name: 'Databases',
      synonyms: ['SQL', 'databases'],
    });
    expect(created.status).toBe(201);
    expect(created.body.synonyms).toEqual(['SQL']);
    const d = await o.dashboard();
    expect(topicRow(d, 'spreadsheets')).toMatchObject({ listed: true, learners: 11 });
    expect(topicRow(d, 'databases')).toMatchObject({ label: 'Databases', listed: true, learners: 6 });

    const duplicate = await o.admin$.call('POST', `${base}/topics`, { name: 'databases ' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields.name).toMatch(/already/);
    expect((await o.admin$.call('POST', `${base}/topics`, { name: 'x' })).body.error.fields.name).toMatch(/at least 2/);

    await learnerWith(t.db, o.org, { topics: ['Public speakin'] });
    for (let i = 0; i < 4; i++) await learnerWith(t.db, o.org, { topics: ['Public speakin'] });
    await o.admin$.call('POST', `${base}/refresh`);
    const typo = { phrase: 'public speakin', target: 'public speaking' };
    expect((await o.admin$.call('GET', `${base}/topic-suggestions`)).body.suggestions).toContainEqual(
      expect.objectContaining(typo),
    );
    expect((await o.admin$.call('POST', `${base}/topic-suggestions/dismiss`, typo)).status).toBe(204);
    expect((await o.admin$.call('GET', `${base}/topic-suggestions`)).body.suggestions).not.toContainEqual(
      expect.objectContaining(typo),
    );

    const topicId = created.body.id;
    expect((await o.admin$.call('DELETE', `${base}/topics/${topicId}`)).status).toBe(204);
    expect(topicRow(await o.dashboard(), 'databases')).toBeUndefined(); // 3 + 3 again, each under k
  });
});

describe('CSV', () => {
  it('gives each figure as its table, suppressed cells in words and formulas as text', async () => {
    const o = await organisation([
      ...times(5, { topics: ['=HYPERLINK("http://evil.test")'], forms: ['on_the_job' as const] }),
      ...times(2, { topics: ['Tiny'], forms: ['coaching' as const] }),
    ]);
    const cookie = await t.sessionFor(o.admin.user.id);
    const csv = (figure: string) =>
      t.app.inject({ method: 'GET', url: `/api/orgs/${o.org.id}/insights/csv?figure=${figure}`, headers: { cookie } });
    const res = await csv('topics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="waymark-insights-topics-/);
    const lines = res.body.trim().split('\n');
    expect(lines[1]).toBe('Topic,On the topic list,Learners');
    expect(lines[2]).toBe(`"'=hyperlink(""http://evil.test"")",no,5`);
    expect(lines[3]).toBe('1 more topics,,fewer than 5 each');
    const forms = await csv('forms');
    expect(forms.body).toContain('On the job / experiential,Informal,5');
    expect(forms.body).toContain('Coaching,Social,fewer than 5');
    const bad = await o.admin$.call('GET', `/api/orgs/${o.org.id}/insights/csv?figure=people`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.figure).toMatch(/Choose one of/);
  });
});

describe('actions', () => {
  async function withMentors() {
    const o = await organisation([
      ...times(5, { topics: ['Data visualisation'] }),
      { consent: false, topics: ['Data visualisation'], name: 'Opted Out' },
      { offersMentoring: ['data visualisation'], consent: false, name: 'Mentor One' },
    ]);
    return o;
  }
  const notified = async (orgId: string) =>
    rowsOf<{ user_id: string; link: string }>(
      await t.db.execute(
        sql`select user_id, link from ${notification} where organization_id = ${orgId} and kind = 'insight_action'`,
      ),
    );

  it('calls the mentors who offer a topic, and counts who volunteer', async () => {
    const o = await withMentors();
    const base = `/api/orgs/${o.org.id}/insights/actions`;
    const res = await o.admin$.call('POST', base, {
      kind: 'mentor_call',
      topic: 'Data visualisation',
      message: 'Join us',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'mentor_call', recipients: 1, uptake: 0 });
    const mentor = o.learners[6]?.member;
    expect((await notified(o.org.id)).map((n) => n.user_id)).toEqual([mentor?.userId]);

    const mentor$ = await o.learner(6);
    const invite = await mentor$.call('GET', `/api/insight-actions/${res.body.id}`);
    expect(invite.body).toMatchObject({ title: 'Mentoring in Data visualisation', responded: false });
    expect((await (await o.learner(0)).call('GET', `/api/insight-actions/${res.body.id}`)).status).toBe(404);
    expect((await mentor$.call('POST', `/api/insight-actions/${res.body.id}/respond`)).body.responded).toBe(true);
    const [listed] = (await o.admin$.call('GET', base)).body.actions;
    expect(listed).toMatchObject({ id: res.body.id, uptake: 1 });

    const nobody = await o.admin$.call('POST', base, { kind: 'mentor_call', topic: 'Juggling' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields.topic).toMatch(/Nobody offers/);
  });

  it('recommends a resource to opted-in learners of the topic only, who can add it to their plan', async () => {
    const o = await withMentors();
    const base = `/api/orgs/${o.org.id}/insights/actions`;
    const res = await o.admin$.call('POST', base, {
      kind: 'resource',
      topic: 'data visualisation',
      title: 'Storytelling with data',
      url: 'https://example.org/swd',
    });
    expect(res.status).toBe(201);
    expect(res.body.recipients).toBe(5);
    const told = (await notified(o.org.id)).map((n) => n.user_id).sort();
    expect(told).toEqual(
      o.learners
        .slice(0, 5)
        .map((l) => l.member.userId)
        .sort(),
    );

    for (let i = 0; i < 5; i++) {
      const r = await (await o.learner(i)).call('POST', `/api/insight-actions/${res.body.id}/respond`);
      expect(r.status).toBe(200);
      const [listed] = (await o.admin$.call('GET', base)).body.actions;
      expect(listed.uptake).toBe(i + 1 >= 5 ? 5 : null); // fewer than k reads as unknown
    }
    const plan = (await (await o.learner(0)).call('GET', `/api/plans/${o.learners[0]?.plan.id}`)).body;
    const added = (plan.network as Json[]).find((n) => n.name === 'Storytelling with data');
    expect(added).toMatchObject({ kind: 'resource', url: 'https://example.org/swd', goalIds: [plan.goals[0].id] });

    const bad = await o.admin$.call('POST', base, {
      kind: 'resource',
      topic: 'x',
      title: 'T',
      url: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['url', 'title']));
  });

  it('opens a community for a topic and counts who join', async () => {
    const o = await withMentors();
    const base = `/api/orgs/${o.org.id}/insights/actions`;
    const res = await o.admin$.call('POST', base, {
      kind: 'community',
      topic: 'Data visualisation',
      name: 'Chart club',
    });
    expect(res.status).toBe(201);
    const learner$ = await o.learner(2);
    await learner$.call('POST', `/api/insight-actions/${res.body.id}/respond`);
    const community = await learner$.call('GET', `/api/communities/${res.body.communityId}`);
    expect(community.body).toMatchObject({ name: 'Chart club', joined: true });
    expect((await o.admin$.call('GET', base)).body.actions[0].uptake).toBe(1);
  });

  it('opens the community and records the action in one transaction: no community if the action fails', async () => {
    const o = await withMentors();
    const base = `/api/orgs/${o.org.id}/insights/actions`;
    // The second part, recording the action, fails after the community was written (a trigger stands in for
    // a failure of the database there): the community must go with it.
    const fn = `refuse_${o.org.id.replaceAll('-', '')}`;
    await t.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
        raise exception 'the action could not be recorded'; end $$`),
    );
    await t.db.execute(
      sql.raw(`create trigger ${fn} before insert on insight_action for each row
        when (new.organization_id = '${o.org.id}') execute function ${fn}()`),
    );
    try {
      const res = await o.admin$.call('POST', base, {
        kind: 'community',
        topic: 'Data visualisation',
        name: 'Lost club',
      });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
    } finally {
      await t.db.execute(sql.raw(`drop trigger ${fn} on insight_action`));
      await t.db.execute(sql.raw(`drop function ${fn}()`));
    }
    const communities = await (await o.learner(0)).call('GET', `/api/communities?orgId=${o.org.id}`);
    expect(communities.status).toBe(200);
    expect((communities.body.communities as Json[]).map((x) => x.name)).not.toContain('Lost club');
    expect((await o.admin$.call('GET', base)).body.actions).toHaveLength(0);
    // Nobody was told of an action that does not exist.
    expect(await notified(o.org.id)).toHaveLength(0);
  });
});

describe('departments and teams', () => {
  it('are set by admins, and someone who moves counts in their new place at once', async () => {
    const o = await organisation([
      ...times(6, { department: 'Library', topics: ['Cataloguing'] }),
      ...times(5, { department: 'Research', topics: ['Statistics'] }),
    ]);
    const mover = o.learners[0]?.member;
    const url = `/api/orgs/${o.org.id}/members/${mover?.id}`;
    expect((await (await o.learner(0)).call('PATCH', url, { department: 'Research' })).status).toBe(403);
    const tooLong = await o.admin$.call('PATCH', url, { department: 'x'.repeat(121) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.department).toMatch(/at most 120/);

    const moved = await o.admin$.call('PATCH', url, { department: '  Research ', team: 'Methods' });
    expect(moved.body).toMatchObject({ department: 'Research', team: 'Methods' });
    const research = await o.dashboard('?department=Research');
    expect(research.population).toBe(6);
    expect(topicRow(research, 'cataloguing')).toBeUndefined(); // 1 learner
    expect(topicRow(research, 'statistics')?.learners).toBe(5);
    expect((await o.dashboard('?department=Library')).population).toBe(5);

    const cleared = await o.admin$.call('PATCH', url, { team: '' });
    expect(cleared.body.team).toBeNull();
  });
});

describe('the hourly refresh', () => {
  it('is scheduled, and counts what learners wrote since', async () => {
    const [job] = insightJobs(t.ctx, { now: () => new Date() } as never);
    expect(job).toMatchObject({ name: REFRESH_QUEUE, cron: '7 * * * *' });
    const o = await organisation(times(5, { topics: ['Budgeting'] }));
    expect(topicRow(await o.dashboard(), 'budgeting')?.learners).toBe(5);
    await learnerWith(t.db, o.org, { topics: ['Budgeting'] }); // written since the last count
    expect(topicRow(await o.dashboard(), 'budgeting')?.learners).toBe(5);
    await job?.run({} as never);
    expect(topicRow(await o.dashboard(), 'budgeting')?.learners).toBe(6);
  });

  it('answers from last month’s facts at the start of a month, and the job brings them to this month', async () => {
    const o = await organisation(times(5, { topics: ['Negotiation'] }));
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 20));
    // Goals set last month, counted as the job left them before this month began.
    await t.db.execute(sql`update plan_goal g set created_at = ${lastMonth.toISOString()}::timestamptz
      from plan p join membership m on m.id = p.member_id where g.plan_id = p.id and m.organization_id = ${o.org.id}`);
    await refreshFacts(t.db, o.org.id, lastMonth);
    const label = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

    const stale = await o.dashboard();
    expect(stale.refreshedAt).toBe(lastMonth.toISOString()); // not rebuilt inside the request
    expect(stale.statusOverTime.months.at(-1)).toBe(label(lastMonth));
    expect(topicRow(stale, 'negotiation')?.learners).toBe(5);
    const ahead = await o.admin$.call('GET', `/api/orgs/${o.org.id}/insights?to=${label(now)}`);
    expect(ahead.body.error.fields.to).toBe(`Choose a month up to ${label(lastMonth)}.`);

    const [job] = insightJobs(t.ctx, { now: () => now } as never);
    await job?.run({} as never);
    const fresh = await o.dashboard();
    expect(fresh.statusOverTime.months.at(-1)).toBe(label(now));
    expect(topicRow(fresh, 'negotiation')?.learners).toBe(5);
  });
});
