import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Mentor profiles and matching as people use them: a colleague offers mentoring on their profile page, a
 * learner opens one of their goals and finds that colleague suggested, with the reasons why.
 */

const env = serverAndBrowser();

describe('find a mentor', () => {
  it('suggests a colleague who offers mentoring on the goal’s topic, with reasons', async () => {
    const { page: learner } = await signUpWithOrganisation(env, 'Lena Learner', 'Harbour Library');
    const me = await (await learner.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;

    // A colleague joins and offers mentoring on their profile page.
    const colleague = await colleagueJoins(env, learner, orgId, 'Cleo Cataloguer');
    await colleague.goto(`/orgs/${orgId}/profile`);
    await colleague.getByRole('heading', { name: 'Your profile' }).waitFor();
    await colleague.getByLabel('I offer mentoring').check();
    await colleague.getByLabel('Topics I can help with').fill('cataloguing, rare books');
    await colleague.getByLabel('How many mentees can you take at once?').fill('2');
    await colleague
      .getByLabel('About your mentoring')
      .fill('I look after our metadata and like to pair on real records.');
    await colleague.getByLabel('Suggest me as a learning peer to colleagues learning the same topics').check();
    await colleague.getByRole('button', { name: 'Save profile' }).click();
    await colleague.getByText('Your profile is saved.').waitFor();
    await expectNoAxeViolations(colleague, 'profile with mentoring offer');
    await screenshot(colleague, 'mentor-profile');
    await colleague.reload();
    await expect.poll(() => colleague.getByLabel('How many mentees can you take at once?').inputValue()).toBe('2');
    await expect
      .poll(() =>
        colleague.getByLabel('Suggest me as a learning peer to colleagues learning the same topics').isChecked(),
      )
      .toBe(true);

    // The learner's goal, worded their own way, finds her.
    const plan = await (
      await learner.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Growing' } })
    ).json();
    const goal = await (
      await learner.request.post(`/api/plans/${plan.id}/goals`, {
        data: { what: 'Get started with cataloging and metadata' },
      })
    ).json();
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}/goals/${goal.id}`);
    await learner.getByRole('heading', { name: 'Find a mentor' }).waitFor();
    const mentors = learner.getByRole('list', { name: 'Suggested mentors' });
    await mentors.getByText('Cleo Cataloguer').waitFor();
    const reasons = learner.getByRole('list', { name: 'Why Cleo Cataloguer' });
    await expect
      .poll(() => reasons.locator('li').allInnerTexts())
      .toEqual(['Offers mentoring on cataloguing', "Their profile mentions 'metadata'", 'Has room for 2 more mentees']);
    await learner.getByText('Nobody who agreed to be suggested is learning this right now.').waitFor();
    await expectNoAxeViolations(learner, 'goal page with mentor suggestions');
    await screenshot(learner, 'goal-find-a-mentor');
  });
});
