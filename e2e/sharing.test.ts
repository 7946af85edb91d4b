import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Granular sharing as people do it: a learner shares one goal with a colleague (in a second browser), the
 * colleague sees only that goal, the learner sees the read in the access log and revokes it, and the
 * colleague's next look finds nothing.
 */

const env = serverAndBrowser();

describe('sharing and access', () => {
  it('shares one goal with a colleague, logs their read, and revokes it at once', async () => {
    const {
      page: learner,
      orgId,
      plan,
    } = await learnerWithPlan(env, 'Lena Learner', 'Quay Library', ['Run a data workshop', 'Change jobs quietly']);

    // A colleague joins through an invitation, in their own browser.
    const colleague = await colleagueJoins(env, learner, orgId, 'Cleo Colleague');

    // Nothing is shared yet.
    await colleague.goto(`/orgs/${orgId}/shared`);
    await colleague.getByText('Nobody has shared anything with you yet.').waitFor();
    await expectNoAxeViolations(colleague, 'shared with me (empty)');

    // The learner shares one goal from the plan's "Sharing & access" tab.
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}`);
    await learner.getByRole('link', { name: 'Sharing & access' }).click();
    await learner.getByRole('heading', { name: 'Sharing & access' }).waitFor();
    await learner.getByText('Nobody else can see this plan. Only you can.').waitFor();
    await expectNoAxeViolations(learner, 'sharing & access (nothing shared)');
    await learner.getByRole('button', { name: 'Share' }).click();
    // Nobody chosen: the person field says why, and is marked invalid for screen readers.
    await learner.getByText('Choose the person to share with.').waitFor();
    await expect
      .poll(() => learner.getByRole('combobox', { name: 'Person' }).getAttribute('aria-invalid'))
      .toBe('true');
    // The person is found by typing part of their name (a combobox: an organisation may have hundreds).
    await learner.getByRole('combobox', { name: 'Person' }).fill('cleo');
    await learner.getByRole('option', { name: /Cleo Colleague/ }).click();
    await learner.getByLabel('What to share', { exact: true }).selectOption('goal');
    await learner.getByLabel('Goal', { exact: true }).selectOption({ label: 'Run a data workshop' });
    await learner.getByLabel('They may', { exact: true }).selectOption('comment');
    await learner.getByRole('button', { name: 'Share' }).click();
    await learner.getByText('Shared “Goal: Run a data workshop” with Cleo Colleague.').waitFor();
    // The form starts again, blank: the next share is chosen afresh, not the last one sent twice.
    await expect.poll(() => learner.getByRole('combobox', { name: 'Person' }).inputValue()).toBe('');
    expect(await learner.getByLabel('They may', { exact: true }).inputValue()).toBe('read');
    const shareRow = learner.getByRole('row', { name: /Cleo Colleague/ });
    await expect.poll(() => shareRow.textContent()).toContain('Read and comment');
    await expectNoAxeViolations(learner, 'sharing & access (one share)');

    // The colleague finds it under "Shared with me" and sees that goal only.
    await colleague.goto(`/orgs/${orgId}`);
    await colleague.getByRole('link', { name: 'Shared with me' }).first().click();
    await colleague.getByRole('link', { name: 'Lena Learner: Growing' }).waitFor();
    await colleague.getByText('Goal: Run a data workshop: read and comment').waitFor();
    await expectNoAxeViolations(colleague, 'shared with me');
    await colleague.getByRole('link', { name: 'Lena Learner: Growing' }).click();
    await colleague.getByRole('heading', { name: 'Run a data workshop', exact: true }).waitFor();
    expect(await colleague.getByText('Change jobs quietly').count()).toBe(0);
    expect(await colleague.getByRole('heading', { name: 'Reflections' }).count()).toBe(0);
    await expectNoAxeViolations(colleague, 'shared plan (one goal)');
    await screenshot(colleague, 'sharing-shared-goal');

    // The learner sees the read in the access log, then revokes the share, by keyboard.
    await learner.reload();
    await learner.getByText(/Cleo Colleague read Goal: Run a data workshop/).waitFor();
    await screenshot(learner, 'sharing-access-page');
    await learner.getByRole('button', { name: 'Revoke Goal: Run a data workshop for Cleo Colleague' }).focus();
    await learner.keyboard.press('Enter');
    await learner.getByText('Nobody else can see this plan. Only you can.').waitFor();
    await learner
      .getByRole('table', { name: 'Shared before' })
      .getByText(/^Revoked /)
      .waitFor();
    await expectNoAxeViolations(learner, 'sharing & access (revoked)');

    // At once, the colleague's view is gone: the not-found page, and nothing listed.
    await colleague.reload();
    await colleague.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await colleague.getByText('Run a data workshop').count()).toBe(0);
    await expectNoAxeViolations(colleague, 'shared plan (revoked)');
    await colleague.goto(`/orgs/${orgId}/shared`);
    await colleague.getByText('Nobody has shared anything with you yet.').waitFor();
  });
});
