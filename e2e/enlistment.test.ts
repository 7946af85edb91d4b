import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Enlisting a mentor as people do it: a learner names a colleague on a person in their network and asks them,
 * from that entry, to mentor them; the colleague (in a second browser) finds the request, accepts it, opens
 * the goal it was about, comments and suggests new wording; the learner is notified, accepts the suggestion,
 * and her entry reads "Agreed".
 */

const env = serverAndBrowser();

describe('enlisting a mentor', () => {
  it('asks a colleague from a network entry; they accept, comment and suggest; the learner takes the suggestion', async () => {
    const {
      page: learner,
      orgId,
      plan,
    } = await learnerWithPlan(env, 'Lena Learner', 'Cove Library', ['Run a data workshop', 'Change jobs quietly']);

    // A colleague joins through an invitation, in their own browser.
    const colleague = await colleagueJoins(env, learner, orgId, 'Cleo Colleague');

    // The learner adds her to the network, names her as the colleague she is, and links the goal.
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}/network`);
    const add = learner.getByRole('form', { name: 'Add to your network' });
    await add.getByLabel('Kind').selectOption('person');
    await add.getByLabel('Name').fill('Cleo Colleague');
    await add.getByRole('button', { name: 'Add' }).click();
    const entry = learner
      .getByRole('article')
      .filter({ has: learner.getByRole('heading', { name: 'Cleo Colleague' }) });
    await entry.getByLabel('Member of your organisation').selectOption({ label: 'Cleo Colleague' });
    await entry.getByLabel('Run a data workshop').check();
    await expect.poll(() => entry.locator('.save-status').textContent()).toBe('Saved');

    // She asks, by keyboard, with a message.
    await entry.getByRole('button', { name: 'Ask Cleo Colleague to mentor…' }).focus();
    await learner.keyboard.press('Enter');
    await learner.getByLabel('Message (optional)').fill('Would you help me plan my first data workshop?');
    await expectNoAxeViolations(learner, 'network entry, asking to mentor');
    await learner.getByRole('button', { name: 'Send request' }).click();
    await entry.getByText(/You asked Cleo Colleague on .*Waiting for their answer\./).waitFor();
    await expect.poll(() => entry.getByLabel('Enlistment').inputValue()).toBe('asked');
    await entry.getByRole('button', { name: 'Withdraw request' }).waitFor();
    await expectNoAxeViolations(learner, 'network entry, request sent');

    // The colleague finds the request beside what is shared with her.
    await colleague.goto(`/orgs/${orgId}`);
    await colleague.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me' }).click();
    await colleague.getByRole('link', { name: 'Mentoring requests' }).click();
    await colleague.getByRole('heading', { name: 'Mentoring requests', level: 1 }).waitFor();
    const request = colleague.getByRole('article', { name: 'Lena Learner' });
    await request.getByText('Would you help me plan my first data workshop?').waitFor();
    await expect
      .poll(() => request.getByRole('list', { name: 'Goals Lena Learner asks about' }).locator('li').allTextContents())
      .toEqual(['Run a data workshop']);
    expect(await colleague.getByText('Change jobs quietly').count()).toBe(0);
    await expectNoAxeViolations(colleague, 'mentoring requests (one waiting)');
    await screenshot(colleague, 'enlistment-request');

    // She accepts, with a note, and opens the goal she may now read and comment on.
    await request.getByLabel('Your answer (optional)').fill('Gladly. Thursdays suit me.');
    await request.getByRole('button', { name: 'Accept Lena Learner’s request' }).click();
    await request.getByText(/^Accepted · asked /).waitFor();
    await expectNoAxeViolations(colleague, 'mentoring requests (accepted)');
    await request.getByRole('link', { name: 'Open Lena Learner’s shared goals' }).click();
    await colleague.getByRole('heading', { name: 'Run a data workshop', exact: true }).waitFor();
    await colleague.getByText(/You may: read and comment/).waitFor();
    expect(await colleague.getByText('Change jobs quietly').count()).toBe(0);
    await expectNoAxeViolations(colleague, 'shared plan (from enlistment)');

    // As her mentor she comments, in Markdown, and suggests sharper wording for the goal.
    await colleague.getByLabel('Comment on Run a data workshop').fill('Start **small**: one team, one question.');
    await colleague.getByRole('button', { name: 'Add comment' }).click();
    await colleague.locator('.comment-body strong', { hasText: 'small' }).waitFor();
    await colleague.getByLabel('Comment on Run a data workshop').fill('A wording you can check off?');
    await colleague.getByLabel('Suggest new wording for one field').check();
    await colleague.getByLabel('Field to reword').selectOption('what');
    await colleague.getByLabel('Suggested wording').fill('Run a one-hour data workshop for my team by March');
    await colleague.getByRole('button', { name: 'Send suggestion' }).click();
    await colleague.getByText('Waiting for the learner').waitFor();
    await expectNoAxeViolations(colleague, 'shared goal with comments');

    // The learner is told, opens the comment from the notification and takes the suggestion.
    await learner.goto(`/orgs/${orgId}`);
    await learner.getByRole('link', { name: /Notifications \(\d+ unread\)/ }).click();
    await learner.getByRole('link', { name: 'Cleo Colleague suggested a change to “Run a data workshop”' }).click();
    await learner.getByRole('button', { name: 'Accept suggestion' }).click();
    await learner
      .getByRole('heading', { level: 1, name: 'Run a one-hour data workshop for my team by March' })
      .waitFor();
    await learner.getByText('Accepted', { exact: true }).waitFor();
    await learner.locator('.comment-body strong', { hasText: 'small' }).waitFor();
    await expectNoAxeViolations(learner, 'goal page with comments, suggestion accepted');
    await screenshot(learner, 'comment-suggestion-accepted');

    // The learner's entry follows: "Agreed", with her note, and the mentoring can be ended from there.
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}/network`);
    await expect.poll(() => entry.getByLabel('Enlistment').inputValue()).toBe('agreed');
    expect(await entry.getByLabel('Enlistment').locator('option:checked').textContent()).toBe('Agreed');
    await entry.getByText(/Cleo Colleague agreed on /).waitFor();
    await entry.getByText('Cleo Colleague wrote: “Gladly. Thursdays suit me.”').waitFor();
    await entry.getByRole('button', { name: 'End mentoring' }).waitFor();
    await expectNoAxeViolations(learner, 'network entry, request accepted');
    await screenshot(learner, 'enlistment-agreed');

    // Her "who can see what" page shows the share the mentoring made, and where it came from.
    await learner.getByRole('link', { name: 'Sharing & access' }).click();
    const shareRow = learner.getByRole('row', { name: /Cleo Colleague/ });
    await expect
      .poll(() => shareRow.textContent())
      .toContain('Goal: Run a one-hour data workshop for my team by March (from a mentoring request)Read and comment');
    await expectNoAxeViolations(learner, 'sharing & access (mentoring share)');
  });
});
