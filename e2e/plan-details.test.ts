import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { learnerWithGoal, serverAndBrowser } from './support/session.js';

/*
 * Details of the plan pages that hurt trust (issue 18): a new goal's SMART check, a new milestone, a network
 * entry without a relation, and the mentoring hint on a goal that names its topics.
 */

const env = serverAndBrowser();

const saved = (page: Page) =>
  expect
    .poll(() => page.locator('.save-status').allInnerTexts())
    .not.toContainEqual(expect.stringMatching(/Editing|Saving|Not saved/));

describe('the details of a plan', () => {
  it('reads calmly and starts new things empty', async () => {
    const page = await learnerWithGoal(env, 'Dara Learner', 'Ward 7');
    const first = page.locator('.item-card').first();

    // A new, empty goal gets one first step from the SMART check, not five points at once.
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const fresh = page.getByRole('complementary', { name: 'SMART check for this goal' });
    await fresh.waitFor();
    expect(await fresh.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Start with what you want to learn/),
    ]);
    await expect.poll(() => fresh.getByRole('button', { name: /more points/ }).count()).toBe(1);

    // A new milestone is empty, with the focus in its title, not the words "New milestone".
    await first.getByRole('button', { name: 'Add a milestone' }).click();
    const milestone = first.getByLabel('Milestone 1', { exact: true });
    await expect.poll(() => milestone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await milestone.inputValue()).toBe('');
    expect(await milestone.getAttribute('placeholder')).toMatch(/^e\.g\. /);
    await page.keyboard.type('Outline agreed with the ward manager');

    // Topics named on the goal: the mentoring hint names them instead of asking for them.
    await first.getByLabel('Topics and skills').fill('wound care');
    await first.getByLabel('What do you need to learn?').focus();
    await saved(page);
    await expectNoAxeViolations(page, 'goals with a new goal and milestone');
    await screenshot(page, 'details-goals-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'goals at 390 px');
    await screenshot(page, 'details-goals-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await first.getByRole('link', { name: /^Evidence and timeline/ }).click();
    await page.getByRole('heading', { name: 'Find a mentor' }).waitFor();
    const hint = page.getByText(/offers mentoring on/);
    expect(await hint.textContent()).toMatch(/^Nobody in your organisation offers mentoring on “wound care” yet\./);
    expect(await page.getByText(/Naming the topics/).count()).toBe(0);
    await expectNoAxeViolations(page, 'goal page with topics');

    // A resource without a relation says so, never "Choose…" as if that were its relation.
    await page.goBack();
    await page.getByRole('link', { name: '3. Network' }).click();
    const add = page.getByRole('form', { name: 'Add to your network' });
    await add.getByLabel('Kind').selectOption({ label: 'Resource' });
    await add.getByLabel('Name').fill('Wound care handbook');
    await add.getByRole('button', { name: 'Add' }).click();
    const entry = page.locator('.item-card', { hasText: 'Wound care handbook' });
    const relation = entry.getByLabel('Relation');
    await relation.waitFor();
    expect(await relation.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text)).toBe('Not chosen yet');
    expect(await entry.getByText('Choose…').count()).toBe(0);
    await expectNoAxeViolations(page, 'network with a resource');
    await screenshot(page, 'details-network-1280');
  });
});
