import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * The learning agreement as a learner and their supervisor do it, each in their own browser: the learner asks
 * for the review, the supervisor reads what was shared, writes a note and signs, the learner signs, and both
 * see it agreed with the times of both signatures. A later change shows on the plan as made after it.
 */

const env = serverAndBrowser();

/** A colleague joins the learner's organisation through an invitation, in a browser of their own. */
async function colleagueJoins(learner: Page, orgId: string, name: string) {
  const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`;
  const invitation = await (await learner.request.post(`/api/orgs/${orgId}/invitations`, { data: { email } })).json();
  const { page } = await newPage(env);
  const signUp = await page.request.post('/api/auth/sign-up', { data: { name, email, password: 'glad-to-help-you' } });
  expect(signUp.status()).toBe(201);
  const token = (invitation.url as string).split('/invite/')[1];
  expect((await page.request.post(`/api/invitations/${token}/accept`)).status()).toBeLessThan(300);
  const me = await (await page.request.get('/api/me')).json();
  return { page, memberId: me.memberships[0].memberId as string };
}

describe('supervisor review', () => {
  it('the learner asks, the supervisor notes and signs, the learner signs: both see it agreed', async () => {
    const { page: learner } = await signUpWithOrganisation(env, 'Lena Learner', 'Quay Library');
    const me = await (await learner.request.get('/api/me')).json();
    const { organizationId: orgId, memberId } = me.memberships[0] as { organizationId: string; memberId: string };
    const plan = await (
      await learner.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Growing' } })
    ).json();
    const goal = await (
      await learner.request.post(`/api/plans/${plan.id}/goals`, { data: { what: 'Run a data workshop' } })
    ).json();

    // Sam joins and becomes Lena's supervisor (Lena owns the organisation, so she may name one).
    const { page: supervisor, memberId: samId } = await colleagueJoins(learner, orgId, 'Sam Supervisor');
    const named = await learner.request.patch(`/api/orgs/${orgId}/members/${memberId}`, {
      data: { supervisorId: samId },
    });
    expect(named.status()).toBe(200);

    // Lena asks for the learning agreement from the plan's Reviews tab, sharing the whole plan.
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}`);
    await learner.getByRole('link', { name: 'Reviews', exact: true }).click();
    await learner.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await learner.getByText('Your supervisor here is Sam Supervisor.', { exact: false }).waitFor();
    await expectNoAxeViolations(learner, 'plan reviews (none yet)');
    await learner.getByLabel('Kind of review').selectOption('agreement');
    await learner.getByLabel('Note to your supervisor').fill('I would like your help to run the workshop.');
    await learner.getByRole('button', { name: 'Ask for a review' }).click();
    await learner.getByText('Asked Sam Supervisor for the learning agreement.', { exact: false }).waitFor();
    await learner.getByRole('heading', { name: /Learning agreement\s+Waiting for signatures/ }).waitFor();
    await expectNoAxeViolations(learner, 'plan reviews (requested)');

    // Sam finds it under Reviews in the navigation, reads what Lena shared, writes a note and signs.
    await supervisor.goto(`/orgs/${orgId}`);
    await supervisor.getByRole('link', { name: /^Reviews/ }).click();
    await supervisor.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await expectNoAxeViolations(supervisor, 'reviews inbox');
    await supervisor.getByRole('link', { name: 'Lena Learner: Learning agreement 2027' }).click();
    await supervisor.getByRole('heading', { name: 'What Lena Learner shared for the review' }).waitFor();
    await supervisor.getByRole('heading', { name: 'Run a data workshop', exact: true }).waitFor();
    await supervisor.getByText('I would like your help to run the workshop.').waitFor();
    // The review shares the plan to comment on: Sam comments on the goal before signing.
    await supervisor.getByLabel('Comment on Run a data workshop').fill('Could the first one be for our own team?');
    await supervisor.getByRole('button', { name: 'Add comment' }).first().click();
    await supervisor.getByText('Could the first one be for our own team?').waitFor();
    await expectNoAxeViolations(supervisor, 'review (to sign)');
    await supervisor.getByLabel('Your note').fill('Glad to support the workshop; let us meet in March.');
    await supervisor.getByRole('button', { name: 'Save note' }).click();
    await supervisor.getByText('Note saved.').waitFor();
    // Sam adds a line to the note and signs before saving it: the words stay on screen, still to save.
    const note = supervisor.getByLabel('Your note');
    const edited = 'Glad to support the workshop; let us meet in March. Bring the outline.';
    await note.fill(edited);
    await supervisor.getByRole('button', { name: 'Sign the learning agreement' }).focus();
    await supervisor.keyboard.press('Enter');
    await supervisor.getByText('You signed. Waiting for Lena Learner to sign.').waitFor();
    expect(await note.inputValue()).toBe(edited);
    await expectNoAxeViolations(supervisor, 'review (signed by the supervisor)');
    // Leaving the page with them unsent asks first, within Waymark and when the tab reloads.
    const reviewUrl = supervisor.url();
    await supervisor
      .getByRole('link', { name: /^Reviews/ })
      .first()
      .click();
    const leave = supervisor.getByRole('dialog', { name: 'Leave without sending?' });
    await leave.waitFor();
    await expectNoAxeViolations(supervisor, 'review (leave without sending?)');
    await screenshot(supervisor, 'leave-without-sending');
    await leave.getByRole('button', { name: 'Cancel' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(supervisor.url()).toBe(reviewUrl);
    expect(await note.inputValue()).toBe(edited);
    // Answering the question sends nothing: the note is still unsaved, the signature still stands.
    await supervisor.getByText('You signed. Waiting for Lena Learner to sign.').waitFor();
    // Closing or reloading the tab: the page asks the browser to ask (whether it does depends on the
    // person having used the page, which a script cannot stand in for).
    const asksTheBrowser = () =>
      supervisor.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await asksTheBrowser()).toBe(true);
    await supervisor
      .getByRole('link', { name: /^Reviews/ })
      .first()
      .click();
    await leave.getByRole('button', { name: 'Leave' }).click();
    await supervisor.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    expect(await asksTheBrowser()).toBe(false);
    await supervisor.goto(reviewUrl);

    // Lena reads Sam's note and signs: agreed.
    await learner.reload();
    await learner.getByText('Glad to support the workshop; let us meet in March.').waitFor();
    const card = learner.getByRole('article', { name: /Learning agreement/ });
    await expect.poll(() => card.getByRole('definition').first().textContent()).toBe('Not signed yet');
    await learner.getByRole('button', { name: 'Sign the learning agreement' }).click();
    await card.getByRole('heading', { name: /Learning agreement\s+Agreed/ }).waitFor();
    await card.getByText(/^Agreed on .+: both signed the same plan\.$/).waitFor();
    const learnerSignatures = await card.getByRole('definition').allTextContents();
    expect(learnerSignatures).toEqual([expect.stringMatching(/^Signed \S/), expect.stringMatching(/^Signed \S/)]);
    await expectNoAxeViolations(learner, 'plan reviews (agreed)');
    await screenshot(learner, 'review-agreed-learner');

    // Sam sees the same: agreed, with both signatures' times.
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: /Learning agreement: Lena Learner, Growing\s+Agreed/ }).waitFor();
    await supervisor.getByText(/^Agreed on .+: both signed the same plan\.$/).waitFor();
    expect(await supervisor.getByRole('definition').allTextContents()).toEqual(learnerSignatures);
    await expectNoAxeViolations(supervisor, 'review (agreed)');
    await screenshot(supervisor, 'review-agreed-supervisor');

    // A check-in that moves the goal on changes nothing that was agreed: the plan says nothing of it.
    const checkin = await learner.request.post(`/api/plans/${plan.id}/checkins`, {
      data: { answers: { learned: 'How to plan a session' }, progress: [{ goalId: goal.id, progress: 30 }] },
    });
    expect(checkin.status()).toBe(201);
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}`);
    await learner.getByRole('heading', { name: 'Learning plan 2027' }).waitFor();
    await learner.getByRole('link', { name: 'Download PDF' }).waitFor();
    expect(await learner.getByText(/Changed since the agreement/).count()).toBe(0);

    // A later change to the goal's wording shows as made after the agreement, calmly, saying what changed.
    const progressed = await (await learner.request.get(`/api/plans/${plan.id}/goals/${goal.id}`)).json();
    await learner.request.patch(`/api/plans/${plan.id}/goals/${goal.id}`, {
      data: { what: 'Run two data workshops', version: progressed.version },
    });
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}`);
    await learner.getByText(/Changed since the agreement on .+: 1 change/).waitFor();
    await learner.getByText('Goal: Run two data workshops: wording changed').waitFor();
    expect(await learner.locator('.notice.behind', { hasText: 'Changed since' }).count()).toBe(0);
    await screenshot(learner, 'review-changed-since');
    await expectNoAxeViolations(learner, 'plan overview (changed since the agreement)');
    await learner.getByRole('link', { name: 'See what changed in the history' }).first().click();
    await learner.getByRole('button', { name: 'Signed Learning agreement (as supervisor)' }).waitFor();
    await expectNoAxeViolations(learner, 'history with signatures');
  });
});
