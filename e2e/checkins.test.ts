import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/* Keeping the plan alive: a learner chooses a rhythm, checks in by keyboard, and sees their goal move on. */

const env = serverAndBrowser();

/** Presses Tab until the element is focused: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with the Tab key');
}

const focused = (target: Locator) => expect.poll(() => target.evaluate((el) => el === document.activeElement));

async function learnerWithGoal(): Promise<Page> {
  const { page } = await signUpWithOrganisation(env, 'Cai Checkin', 'Check-in Library');
  await page.getByRole('link', { name: 'Go to your plans' }).click();
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.getByRole('link', { name: '2. Goals' }).click();
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('What do you need to learn?').fill('Run a workshop');
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  await page.getByLabel('Progress (%)').fill('40');
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
  return page;
}

describe('check-ins', () => {
  it('sets a weekly rhythm, checks in by keyboard, and the goal moves on', async () => {
    const page = await learnerWithGoal();
    const tabs = page.getByRole('navigation', { name: 'Plan' });
    await tabs.getByRole('link', { name: 'Check-ins' }).click();
    await page.getByRole('heading', { name: 'Check-ins', level: 1 }).waitFor();
    await page.getByText('You have not chosen a rhythm for check-ins yet.').waitFor();
    await expectNoAxeViolations(page, 'check-ins (none yet)');

    // A weekly rhythm: with no check-in yet, one is due today, and the overview says so.
    await page.getByLabel('How often do you want to check in?').selectOption({ label: 'Weekly' });
    await page.getByText('A check-in is due today.').waitFor();
    await tabs.getByRole('link', { name: 'Overview' }).click();
    const notice = page.locator('.checkin-due');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Check-in due');
    await notice.getByRole('link', { name: 'Check in now' }).click();
    await page.getByRole('heading', { name: 'Check-ins', level: 1 }).waitFor();

    // Saving with no answer: the error is shown and the focus goes to the questions.
    const firstQuestion = page.getByLabel('What did I learn since my last check-in?');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('Answer at least one of the questions.').waitFor();
    await focused(firstQuestion).toBe(true);

    // The check-in, with the keyboard only.
    await page.keyboard.type('Dry runs show which slides confuse people');
    await tabTo(page, page.getByLabel('Who helped me, or whom could I ask?'));
    await page.keyboard.type('Sam from the data clinic');
    const progress = page.getByLabel('Progress of “Run a workshop” (%)');
    await tabTo(page, progress);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('60');
    await tabTo(page, page.getByRole('button', { name: 'Save check-in' }));
    await page.keyboard.press('Enter');
    await page.getByText('Check-in saved.').waitFor();

    const past = page.getByRole('list', { name: 'Past check-ins' });
    await expect.poll(() => past.textContent()).toContain('Run a workshop: 40% → 60%');
    expect(await past.textContent()).toContain('Dry runs show which slides confuse people');
    await expect.poll(() => page.locator('.checkin-rhythm').textContent()).toContain('Your next check-in is due on');
    // The form is ready for next time, showing the goal where it is now.
    expect(await firstQuestion.inputValue()).toBe('');
    expect(await progress.inputValue()).toBe('60');
    await expectNoAxeViolations(page, 'check-ins (one done)');
    await screenshot(page, 'checkins');

    // The goal itself moved on, and the overview no longer asks for a check-in.
    await tabs.getByRole('link', { name: '2. Goals' }).click();
    await expect.poll(() => page.getByLabel('Progress (%)').inputValue()).toBe('60');
    await tabs.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'Continue the guide' }).waitFor();
    expect(await page.locator('.checkin-due').count()).toBe(0);

    // All of it is still there after a reload.
    await tabs.getByRole('link', { name: 'Check-ins' }).click();
    await page.reload();
    await expect.poll(() => past.textContent()).toContain('Run a workshop: 40% → 60%');
    expect(await page.getByLabel('How often do you want to check in?').inputValue()).toBe('weekly');

    // Deleting asks first, and keeps the progress.
    page.once('dialog', (dialog) => void dialog.accept());
    await past.getByRole('button', { name: /^Delete/ }).click();
    await page.getByText('No check-ins yet.').waitFor();
    await tabs.getByRole('link', { name: '2. Goals' }).click();
    await expect.poll(() => page.getByLabel('Progress (%)').inputValue()).toBe('60');
  });
});
