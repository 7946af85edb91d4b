import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Home as the people of one organisation meet it: a new learner, the same learner halfway through the guide and
 * once it is done, their supervisor with a review waiting, and an L&D admin. Each view is checked with axe at a
 * phone's width and a desktop's, and photographed (e2e/artifacts) to be looked at.
 */

const env = serverAndBrowser();

/** Axe and a screenshot at 390 px and 1280 px, back at 1280 after. */
async function atBothWidths(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${name} at ${width} px`);
    await screenshot(page, `home-${name}-${width}`);
  }
}

/** The JSON of an API call made in the test's setup, which must succeed. */
const ok = async (response: Promise<{ status(): number; text(): Promise<string> }>) => {
  const res = await response;
  const body = await res.text();
  expect(res.status(), body).toBeLessThan(300);
  // biome-ignore lint/suspicious/noExplicitAny: set-up answers are read field by field
  return (body ? JSON.parse(body) : {}) as Record<string, any>;
};

describe('home: what is next', () => {
  const people = {} as { orgId: string; owner: Page; learner: Page; supervisor: Page; admin: Page; samId: string };
  let plan: { id: string; url: string; reflection: { id: string; version: number } };

  beforeAll(async () => {
    const { page: owner } = await signUpWithOrganisation(env, 'Olu Owner', 'Harbour Library');
    const me = await (await owner.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    const learner = await colleagueJoins(env, owner, orgId, 'Lia Learner');
    const supervisor = await colleagueJoins(env, owner, orgId, 'Sam Supervisor');
    const admin = await colleagueJoins(env, owner, orgId, 'Ada Admin');
    const memberOf = async (page: Page) => (await (await page.request.get('/api/me')).json()).memberships[0].memberId;
    const [liaId, samId, adaId] = [await memberOf(learner), await memberOf(supervisor), await memberOf(admin)];
    await ok(owner.request.patch(`/api/orgs/${orgId}/members/${liaId}`, { data: { supervisorId: samId } }));
    await ok(owner.request.patch(`/api/orgs/${orgId}/members/${adaId}`, { data: { role: 'admin' } }));
    Object.assign(people, { orgId, owner, learner, supervisor, admin, samId });
  }, 150_000);

  it('asks a new learner to start a plan, and brings her back to where she left the guide', async () => {
    const { learner, orgId } = people;
    await learner.goto(`/orgs/${orgId}`);
    await learner.getByRole('heading', { name: 'Hello, Lia Learner' }).waitFor();
    await learner.getByRole('heading', { name: 'Start your learning plan' }).waitFor();
    expect(await learner.getByRole('heading', { name: 'How your organisation is doing' }).count()).toBe(0);
    await atBothWidths(learner, 'new-learner');

    // Halfway through part 1: home names what the guide asks next and takes her back to where she was.
    const created = await ok(learner.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027' } }));
    const url = `/api/plans/${created.id}`;
    const reflection = await ok(
      learner.request.post(`${url}/reflections`, { data: { what: 'Shadowing the night shift', form: 'on_the_job' } }),
    );
    plan = { id: created.id, url, reflection: { id: reflection.id, version: reflection.version } };
    await ok(learner.request.patch(url, { data: { guide: { part: 1, step: 2 } } }));
    await learner.goto(`/orgs/${orgId}`);
    await learner.getByRole('heading', { name: 'Continue your 2027 plan' }).waitFor();
    await learner.getByText('Next: Say what made each one enjoyable.').waitFor();
    await atBothWidths(learner, 'halfway');
    await learner.getByRole('link', { name: 'Continue the guide' }).click();
    await learner.getByText('Part 1 of 4 · question 3', { exact: false }).waitFor();
  });

  it('ends the guide with the next steps, on home and on the plan, instead of "Continue the guide"', async () => {
    const { learner, orgId, samId } = people;
    const { url, reflection } = plan;
    // Every check done: no more "Continue the guide"; the next steps instead, on home and on the plan.
    await ok(
      learner.request.patch(`${url}/reflections/${reflection.id}`, {
        data: { enjoyable: 'Real patients', learnedAboutMe: 'I learn by doing', version: reflection.version },
      }),
    );
    const goal = await ok(
      learner.request.post(`${url}/goals`, {
        data: {
          what: 'Lead a handover safely',
          why: 'Handovers are where errors happen',
          how: 'Shadow, then lead with feedback',
          evidence: 'Three handovers led without omissions',
          targetDate: '2027-03-31',
          links: 'Builds on the night shift',
          status: 'active',
        },
      }),
    );
    await ok(
      learner.request.post(`${url}/network`, {
        data: { kind: 'person', name: 'Sam', memberId: samId, enlistment: 'asked', goalIds: [goal.id] },
      }),
    );
    await ok(
      learner.request.post(`${url}/shares`, {
        data: { how: 'talk', cadence: 'once', goalId: goal.id, success: 'The team tries it' },
      }),
    );
    await learner.goto(`/orgs/${orgId}`);
    for (const step of ['Share your plan', 'Ask for a learning agreement', 'Set a rhythm for check-ins']) {
      await learner.getByRole('heading', { name: step }).waitFor();
    }
    expect(await learner.getByRole('link', { name: 'Continue the guide' }).count()).toBe(0);
    await atBothWidths(learner, 'guide-done');

    await learner.goto(`/orgs/${orgId}/plans/${plan.id}`);
    await learner.getByRole('heading', { name: 'The guide is done' }).waitFor();
    await learner.getByRole('heading', { name: 'Ask for a learning agreement' }).waitFor();
    expect(await learner.getByRole('link', { name: 'Continue the guide' }).count()).toBe(0);
    await atBothWidths(learner, 'plan-overview-guide-done');
    // Its action leads where the step is done.
    await learner.getByRole('link', { name: 'Ask your supervisor' }).click();
    await learner.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
  });

  it('shows the supervisor the review waiting for them, one click from it', async () => {
    const { learner, supervisor, orgId } = people;
    const { url } = plan;
    // She asks; her supervisor's home shows the review waiting, one click from it; hers no longer suggests it.
    await ok(learner.request.post(`${url}/reviews`, { data: { kind: 'agreement' } }));
    await supervisor.goto(`/orgs/${orgId}`);
    await supervisor.getByRole('heading', { name: 'Lia Learner asked for your review' }).waitFor();
    await atBothWidths(supervisor, 'supervisor');
    await supervisor.getByRole('link', { name: 'Open Lia Learner’s review' }).click();
    await supervisor.getByRole('heading', { name: /Learning agreement/, level: 1 }).waitFor();
    await learner.goto(`/orgs/${orgId}`);
    await learner.getByRole('heading', { name: 'Share your plan' }).waitFor();
    expect(await learner.getByRole('heading', { name: 'Ask for a learning agreement' }).count()).toBe(0);
  });

  it('shows an L&D admin the organisation in counts', async () => {
    const { admin, orgId } = people;
    // The L&D admin: the organisation in counts, and where to act on them.
    await admin.goto(`/orgs/${orgId}`);
    await admin.getByRole('heading', { name: 'How your organisation is doing' }).waitFor();
    await admin.getByText('(4 joined in the last 30 days)').waitFor();
    await admin.getByText('fewer than 5 people: not shown').waitFor();
    await atBothWidths(admin, 'admin');
  });
});
