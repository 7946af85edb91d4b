import { format, subDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';
import { DEMO_PASSWORD, demoAdminEmail, demoOwnerEmail, seedDemo } from './seed-demo.js';

const t = await createTestApp();

describe('demo seed', () => {
  it('builds an organisation of 20 with supervisors and mentors, once', async () => {
    // On PostgreSQL the run's database is shared by files; the demo may be there from another run of this test.
    const first = await seedDemo(t.db);
    expect(first.people).toBe(20);
    expect((await seedDemo(t.db)).created).toBe(false);

    const cookie = await t.signIn(demoOwnerEmail, DEMO_PASSWORD);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    const org = me.memberships[0];
    expect(org).toMatchObject({ organizationName: 'Riverside Library Service', role: 'owner' });
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/orgs/${org.organizationId}/members`, headers: { cookie } })
    ).json();
    expect(list.total).toBe(20);
    expect(list.members.filter((m: { supervisor: unknown }) => m.supervisor).length).toBe(19);
    expect(list.members.filter((m: { offersMentoring: boolean }) => m.offersMentoring).length).toBeGreaterThan(5);
    expect(list.members.find((m: { email: string }) => m.email === demoAdminEmail).role).toBe('admin');

    // The founder has a living plan, and new staff a published template to start from.
    const plans = (
      await t.app.inject({ method: 'GET', url: `/api/plans?orgId=${org.organizationId}`, headers: { cookie } })
    ).json();
    expect(plans.plans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cycle: '2027', goalCount: 2 }),
        expect.objectContaining({ cycle: '2026', goalCount: 1 }),
      ]),
    );
    const planId = plans.plans.find((p: { cycle: string }) => p.cycle === '2027').id;
    const plan = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie } })).json();
    expect(plan.network.find((n: { name: string }) => n.name === 'Sam Achterberg').goalIds).toEqual([plan.goals[0].id]);
    expect(plan.goals[0].reflectionIds).toHaveLength(2);
    const templates = (
      await t.app.inject({ method: 'GET', url: `/api/templates?orgId=${org.organizationId}`, headers: { cookie } })
    ).json();
    expect(templates.templates.map((x: { name: string }) => x.name)).toEqual(['New library staff']);

    // A programme is running: the starter programme, published, with a cohort that started a week ago.
    const programmes = (
      await t.app.inject({ method: 'GET', url: `/api/orgs/${org.organizationId}/programmes`, headers: { cookie } })
    ).json();
    expect(programmes.programmes).toEqual([
      expect.objectContaining({ title: 'Learning out loud in 12 things', status: 'published', things: 12, cohorts: 1 }),
    ]);
    const cohorts = (
      await t.app.inject({
        method: 'GET',
        url: `/api/programmes/${programmes.programmes[0].id}/cohorts`,
        headers: { cookie },
      })
    ).json();
    const weekAgo = format(subDays(new Date(), 7), 'yyyy-MM-dd');
    expect(cohorts.cohorts[0].startsOn).toBe(weekAgo);
    // Five colleagues take part, at different places in the first week: three have a thing of it still to do.
    const progress = (
      await t.app.inject({
        method: 'GET',
        url: `/api/programmes/${programmes.programmes[0].id}/progress`,
        headers: { cookie },
      })
    ).json();
    expect(progress.totals).toEqual({ participants: 5, behind: 3, completed: 0 });
    expect(
      progress.funnel.slice(0, 2).map((f: { tried: number; reflected: number }) => [f.tried, f.reflected]),
    ).toEqual([
      [4, 3],
      [3, 2],
    ]);

    // A year of use: the portfolio shows last year's achieved goal with its evidence; the new goal has a timeline.
    const portfolio = (
      await t.app.inject({ method: 'GET', url: `/api/portfolio?orgId=${org.organizationId}`, headers: { cookie } })
    ).json();
    expect(portfolio.goals).toHaveLength(1);
    expect(portfolio.goals[0].evidence).toHaveLength(2);
    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/goals/${plan.goals[0].id}/timeline`,
        headers: { cookie },
      })
    ).json();
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual(['checkin', 'log', 'log', 'share']);

    // People learn out loud: the feed shows what the founder may see (she is in the data clinic, not storytime).
    const feed = (
      await t.app.inject({ method: 'GET', url: `/api/feed?orgId=${org.organizationId}`, headers: { cookie } })
    ).json();
    expect(feed.posts.map((p: { title: string }) => p.title)).toEqual([
      'One question per dashboard',
      'Leading a meeting from the numbers',
      'Cataloguing rare books: what I learned from Jonas',
      'Spreadsheet trick of the week',
    ]);
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/search?orgId=${org.organizationId}&q=spredsheet`,
        headers: { cookie },
      })
    ).json();
    expect(found.results[0]).toMatchObject({ kind: 'post', title: 'Spreadsheet trick of the week' });
  });

  it('gives the L&D admin insights with real figures: topics, departments and teams, a merge to review', async () => {
    await seedDemo(t.db);
    const cookie = await t.signIn(demoAdminEmail, DEMO_PASSWORD);
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const orgId = (await get('/api/me')).memberships[0].organizationId;

    const res = await t.app.inject({ method: 'GET', url: `/api/orgs/${orgId}/insights`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.population).toBe(17);
    const topics = Object.fromEntries(
      d.topics.rows.map((r: { label: string; learners: number }) => [r.label, r.learners]),
    );
    // "dataviz" counts as Data visualisation (the topic list); three topics stay under k = 5.
    expect(topics).toMatchObject({ 'Data visualisation': 8, accessibility: 6, spreadsheets: 6, cataloguing: 5 });
    expect(d.topics.fewer).toBe(3);
    expect(d.mentorDemand.rows[0]).toMatchObject({ label: 'Data visualisation', learners: 8, mentors: 1 });
    expect(d.options.departments).toEqual([
      { name: 'Collections & Digital', teams: ['Collections', 'Digital services'] },
      { name: 'Public Services', teams: [] },
    ]);
    const active = d.statusOverTime.rows.find((r: { status: string }) => r.status === 'active').counts.slice(-6);
    expect(active).toEqual([null, 8, 12, 15, 17, 17]); // plans begun over five months; four is fewer than k
    expect(d.participation).toMatchObject({ logged: 17, shared: 10, checkedIn: 12 });

    const team = await get(`/api/orgs/${orgId}/insights?department=Collections+%26+Digital&team=Digital+services`);
    expect(team.population).toBe(5);
    expect(team.topics.rows.map((r: { label: string }) => r.label)).toEqual(['accessibility']);
    const suggestions = (await get(`/api/orgs/${orgId}/insights/topic-suggestions`)).suggestions;
    expect(suggestions).toContainEqual(expect.objectContaining({ phrase: 'spreadsheet', target: 'spreadsheets' }));
  });
});
