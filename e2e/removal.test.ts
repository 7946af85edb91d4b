import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Removing a member: the owner removes a learner from the members page; the learner's plan leaves with them,
 * kept for them under Settings to download, and the owner sees who was removed and until when.
 */

const env = serverAndBrowser();

describe('removing a member', () => {
  it('keeps the learner’s data for them to download, and shows the owner who was removed', async () => {
    const { page: owner, orgId } = await learnerWithPlan(env, 'Olga Owner', 'Removal Library', ['Lead the team']);
    const learner = await colleagueJoins(env, owner, orgId, 'Lena Leaver');
    const plan = await (
      await learner.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Mine' } })
    ).json();
    expect(
      (await learner.request.post(`/api/plans/${plan.id}/goals`, { data: { what: 'Learn Python' } })).status(),
    ).toBe(201);

    await owner.goto(`/orgs/${orgId}/members`);
    await owner.getByRole('button', { name: 'Remove Lena Leaver' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Remove Lena Leaver?' });
    await dialog.getByText('they can download them for 30 days, then they are erased').waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await owner.getByText('Lena Leaver was removed.').waitFor();
    const removed = owner.getByRole('region', { name: 'Removed people' });
    await removed.getByText(/Lena Leaver.*removed by Olga Owner.*kept for them until/).waitFor();
    await expectNoAxeViolations(owner, 'members with a removed person');
    await screenshot(owner, 'members-removed');

    // The owner shortens the period; a wrong value is refused, naming why.
    await removed.getByLabel('Days to keep a removed person’s data').fill('0');
    await removed.getByRole('button', { name: 'Save' }).click();
    await removed.getByText('Keep it at least 1 day').waitFor();
    await removed.getByLabel('Days to keep a removed person’s data').fill('14');
    await removed.getByRole('button', { name: 'Save' }).click();
    await owner.getByRole('region', { name: 'Status messages' }).getByText('Saved: 14 days.').waitFor();

    // The learner no longer reaches the organisation, and finds their data under Settings.
    expect((await learner.request.get(`/api/plans/${plan.id}`)).status()).toBe(404);
    // In no organisation now, home welcomes them and points to what is kept for them.
    await learner.goto('/');
    await learner.getByText('Your plans and learning from Removal Library are kept for you to download').waitFor();
    await learner.getByRole('link', { name: 'download them under Settings' }).click();
    await learner.waitForURL(/\/settings/);
    for (const width of [1280, 390]) {
      await learner.setViewportSize({ width, height: 900 });
      await learner.goto('/settings');
      const yours = learner.getByRole('region', { name: 'Your data from organisations you left' });
      await yours.getByRole('heading', { name: 'Removal Library' }).waitFor();
      await yours.getByText('Removed by Olga Owner').waitFor();
      await expectNoAxeViolations(learner, `settings with data from a left organisation at ${width}px`);
      await screenshot(learner, `settings-your-data-${width}`);
    }
    const yours = learner.getByRole('region', { name: 'Your data from organisations you left' });
    const [download] = await Promise.all([
      learner.waitForEvent('download'),
      yours.getByRole('link', { name: /Download everything \(1 plan, JSON\)/ }).click(),
    ]);
    const text = await (await download.createReadStream()).toArray();
    const doc = JSON.parse(Buffer.concat(text as Buffer[]).toString('utf8'));
    expect(doc.plans[0].goals.map((g: { what: string }) => g.what)).toEqual(['Learn Python']);
  });
});
