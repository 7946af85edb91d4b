import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { learnerWithGoal, serverAndBrowser } from './support/session.js';

/* Everyday informal learning: captured in seconds from wherever the learner is, then found again. */

const env = serverAndBrowser();

const learner = () => learnerWithGoal(env, 'Kai Capture', 'Capture Library');

describe('learning log', () => {
  it('captures by keyboard from the plan page, then filters, searches and edits the log', async () => {
    const page = await learner();
    // From the plan page, with the keyboard only: L opens quick capture with the cursor in place.
    await page.locator('h1').click(); // focus on the page, not in a field
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expectNoAxeViolations(page, 'quick capture');
    await page.keyboard.type('Pivot tables can group dates by month');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sam at the data clinic');
    await dialog.getByLabel('For goal').selectOption({ label: 'Run a data workshop (2027)' });
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Logged: Pivot tables can group dates by month').waitFor();

    // Escape closes without saving; what was typed is still there next time.
    await page.keyboard.press('l');
    await dialog.getByLabel('What I learned').fill('A second thing');
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await expect.poll(() => dialog.getByLabel('What I learned').inputValue()).toBe('A second thing');
    await dialog.getByLabel('How').selectOption({ label: 'Reading / listening' });
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Logged: A second thing').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await expect.poll(() => page.locator('.log-item').count()).toBe(2);
    await expectNoAxeViolations(page, 'log');
    await screenshot(page, 'log');

    await page.getByLabel('Search', { exact: true }).fill('pivot');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('.log-item').count()).toBe(1);
    await expect.poll(() => page.locator('.log-item').innerText()).toContain('for “Run a data workshop”');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Form').selectOption({ label: 'Reading / listening' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('.log-item').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.log-item').count()).toBe(2);

    // From the goal, what was logged for it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('link', { name: /^2027/ }).click();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await page.getByRole('link', { name: /What you logged for this goal/ }).click();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await expect.poll(() => page.locator('.log-item').count()).toBe(1);
    await expect.poll(() => page.getByLabel('Goal', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.log-item').count()).toBe(2);

    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await page.getByRole('list', { name: 'Log entries' }).getByLabel('What I learned').fill('A second thing, reworded');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A second thing, reworded').waitFor();
    await page.reload();
    await page.getByText('A second thing, reworded').waitFor();
  });
});
