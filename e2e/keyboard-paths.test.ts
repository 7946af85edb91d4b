import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { focusIsIn, tabAndChoose, tabAndEnter, tabTo } from './support/keyboard.js';
import {
  colleagueJoins,
  learnerWithGoal,
  learnerWithPlan,
  serverAndBrowser,
  signUpWithOrganisation,
} from './support/session.js';

/*
 * The three paths people take most, with the keyboard only (issue 18): quick capture, the guide, and sharing.
 * After the page is opened, no control is clicked or filled: every field is reached with Tab, every choice typed,
 * every button and link pressed with Enter or Space, and where focus goes next is checked.
 */

const env = serverAndBrowser();

describe('with the keyboard only', () => {
  it('captures what was learned: L, type, choose how, Log it; then finds it in the log', async () => {
    const page = await learnerWithGoal(env, 'Kit Keys', 'Keyboard Library');
    const orgId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`/orgs/${orgId}`);
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await page.locator('body').press('l');
    const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Shortcut keys save me an hour a week');
    await tabAndChoose(page, dialog.getByLabel('How'), 'Reading');
    await expect
      .poll(() => dialog.getByLabel('How').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text))
      .toMatch(/^Reading/);
    await tabAndEnter(page, dialog.getByRole('button', { name: 'Log it' }));
    await page.getByText('Logged: Shortcut keys save me an hour a week').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    await tabAndEnter(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }));
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await page.locator('.log-item', { hasText: 'Shortcut keys save me an hour a week' }).waitFor();
    await expectNoAxeViolations(page, 'log after keyboard capture');
  });

  it('starts a plan and answers the guide’s first question, moving on with Next', async () => {
    const { page } = await signUpWithOrganisation(env, 'Gus Guide');
    await tabAndEnter(page, page.getByRole('link', { name: 'Go to your plans' }));
    await page.getByRole('heading', { name: 'Your learning plans' }).waitFor();
    await tabTo(page, page.getByLabel('Cycle'));
    await page.keyboard.type('2027');
    await page.keyboard.press('Enter'); // submits the form it is in
    await page.getByRole('heading', { name: 'Learning plan 2027' }).waitFor();
    await tabAndEnter(page, page.getByRole('link', { name: 'Start the guide' }));
    await page.getByRole('heading', { name: '1. Reflect on past enjoyable learning' }).waitFor();

    await tabAndEnter(page, page.getByRole('button', { name: 'Add a reflection' }));
    const what = page.getByLabel('What did you learn?');
    // The new reflection's first field has the focus: the person types at once.
    await expect.poll(() => what.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Ran the summer reading club');
    await tabAndChoose(page, page.getByLabel('How did it happen?'), 'Team');
    await tabTo(page, page.getByLabel('What made it enjoyable?'));
    await page.keyboard.type('Planning it together');
    await expect
      .poll(() => page.locator('.save-status').allInnerTexts())
      .not.toContainEqual(expect.stringMatching(/Editing|Saving|Not saved/));

    const question = page.url();
    await tabAndEnter(page, page.getByRole('link', { name: /^Next/ }));
    await expect.poll(() => page.url()).not.toBe(question);
    // Back (Alt+Left in a browser) and reloaded: what was typed was kept.
    await page.goBack();
    await page.reload();
    await expect.poll(() => page.getByLabel('What did you learn?').inputValue()).toBe('Ran the summer reading club');
    await expect.poll(() => page.getByLabel('What made it enjoyable?').inputValue()).toBe('Planning it together');
    await expectNoAxeViolations(page, 'guide after keyboard answers');
  });

  it('shares one goal with a colleague and revokes it', async () => {
    const { page, orgId, plan } = await learnerWithPlan(env, 'Sia Share', 'Share Library', ['Lead a book club']);
    await colleagueJoins(env, page, orgId, 'Ravi Reader');
    await page.goto(`/orgs/${orgId}/plans/${plan.id}/access`);
    await page.getByRole('heading', { name: 'Sharing & access' }).waitFor();
    const form = page.getByRole('form', { name: 'Share with someone' });
    // The person: type part of the name, arrow down to them in the list, Enter.
    await tabTo(page, form.getByRole('combobox', { name: 'Person' }));
    await page.keyboard.type('rav');
    await page.getByRole('option', { name: /Ravi Reader/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByRole('combobox', { name: 'Person' }).inputValue()).toBe('Ravi Reader');
    await tabAndChoose(page, form.getByLabel('What to share', { exact: true }), 'One goal');
    await tabAndChoose(page, form.getByLabel('Goal', { exact: true }), 'Lead');
    await tabAndChoose(page, form.getByLabel('They may', { exact: true }), 'Read and');
    await tabAndEnter(page, form.getByRole('button', { name: 'Share' }));
    await page.getByText('Shared “Goal: Lead a book club” with Ravi Reader.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ravi Reader/ }).textContent()).toContain('Read and comment');

    await tabAndEnter(page, page.getByRole('button', { name: 'Revoke Goal: Lead a book club for Ravi Reader' }));
    await page.getByText('Nobody else can see this plan. Only you can.').waitFor();
    // The button went with its row: the focus is on the section's heading, and the change is said in words.
    await expect.poll(() => focusIsIn(page.getByRole('heading', { name: 'Who can see what' }))).toBe(true);
    await page.getByText('Revoked “Goal: Lead a book club” for Ravi Reader.').waitFor();
    await expectNoAxeViolations(page, 'sharing after keyboard revoke');
  });
});
