import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fillDate } from './support/date-field.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * A learner's first plan, the way a person does it: through the guide, part by part, with reloads, an edit
 * and a restore from history, a download, the keyboard only for some of it, and two tabs that disagree.
 */

const env = serverAndBrowser();
const newLearner = (name: string) => signUpWithOrganisation(env, name);

/** Presses Tab until the element is focused: how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with the Tab key');
}

const saved = (page: Page) =>
  expect
    .poll(() => page.locator('.save-status').allInnerTexts())
    .not.toContainEqual(expect.stringMatching(/Editing|Saving|Not saved/));

async function next(page: Page, times = 1) {
  for (let i = 0; i < times; i++) await page.getByRole('link', { name: /^Next/ }).click();
}

describe('a personal learning plan', () => {
  it('is built through the guide, survives a reload, keeps its history and exports a PDF', async () => {
    const { page } = await newLearner('Nia Learner');
    await page.getByRole('link', { name: 'Go to your plans' }).click();
    await page.getByRole('heading', { name: 'Your learning plans' }).waitFor();
    await expectNoAxeViolations(page, 'plans (none yet)');
    await page.getByLabel('Cycle').fill('2027');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Learning plan 2027' }).waitFor();
    await expectNoAxeViolations(page, 'plan overview (empty)');
    await page.getByRole('link', { name: 'Start the guide' }).click();

    // Part 1: a reflection.
    await page.getByRole('heading', { name: '1. Reflect on past enjoyable learning' }).waitFor();
    await page.getByRole('button', { name: 'Add a reflection' }).click();
    await page.getByLabel('What did you learn?').fill('Ran the summer reading club');
    await page.getByLabel('How did it happen?').selectOption({ label: 'Team-based' });
    await page.getByLabel('What made it enjoyable?').fill('Planning it together, trying things each week');
    await page.getByLabel('What does it tell you about how you learn best?').fill('I learn best by doing, with others');
    await saved(page);
    await expectNoAxeViolations(page, 'guide part 1');
    await next(page, 4);

    // Part 2: a goal, added with the keyboard only.
    await page.getByRole('heading', { name: '2. Build your learning goals' }).waitFor();
    const addGoal = page.getByRole('button', { name: 'Add a goal' });
    await tabTo(page, addGoal);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-autofocus'))).not.toBeNull();
    await page.keyboard.type('Run a 30-minute data literacy workshop for my team');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Colleagues keep asking me about spreadsheets');
    await page.getByLabel('How will you learn it?').fill('Practise with real circulation data; ask a mentor');
    await page
      .getByLabel('How will you know you have learned it?')
      .fill('Deliver the workshop and get feedback from 5 people');
    await fillDate(page, 'Target date', '2027-06-30');
    await page.getByLabel('Links to past and future learning').fill('Builds on the reading club; leads to teaching');
    await saved(page);
    await expectNoAxeViolations(page, 'guide part 2');
    await next(page, 6);

    // Part 3: a network entry, added and linked to the goal with the keyboard only.
    await page.getByRole('heading', { name: '3. Map and enlist your learning network' }).waitFor();
    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type('Sam, data librarian');
    await page.keyboard.press('Enter');
    const link = page.getByRole('checkbox', { name: 'Run a 30-minute data literacy workshop for my team' });
    await link.waitFor();
    await tabTo(page, link);
    await page.keyboard.press('Space');
    await expect.poll(() => link.isChecked()).toBe(true);
    await page.getByLabel('Relation').selectOption({ label: 'Mentor' });
    await page.getByLabel('Enlistment').selectOption({ label: 'Asked' });
    await saved(page);
    await expectNoAxeViolations(page, 'guide part 3');
    await next(page, 4);

    // Part 4: a sharing commitment.
    await page.getByRole('heading', { name: '4. Plan your success and sharing' }).waitFor();
    await page.getByRole('form', { name: 'Add a sharing commitment' }).getByLabel('For the goal').selectOption({
      label: 'Run a 30-minute data literacy workshop for my team',
    });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('What will success look like?').fill('Five colleagues use pivot tables on their own');
    await page.getByLabel('With whom?').fill('My team');
    await saved(page);
    await expectNoAxeViolations(page, 'guide part 4');
    await screenshot(page, 'plan-guide-part-4');
    await page.getByRole('link', { name: /^Next/ }).click();
    await page.getByRole('link', { name: /^Next/ }).click();
    await page.getByRole('button', { name: 'Finish: see your plan' }).click();
    await page.getByRole('heading', { name: 'Learning plan 2027' }).waitFor();
    await expect.poll(() => page.getByText('Left:').count()).toBe(0);
    await expectNoAxeViolations(page, 'plan overview (complete)');

    // A reload loses nothing, and the guide remembers the place.
    await page.reload();
    await page.getByRole('link', { name: '2. Goals' }).click();
    const what = page.getByLabel('What do you need to learn?');
    await expect.poll(() => what.inputValue()).toBe('Run a 30-minute data literacy workshop for my team');
    await expectNoAxeViolations(page, 'goals');
    for (const [tab, label] of [
      ['1. Reflections', 'reflections'],
      ['3. Network', 'network'],
      ['4. Sharing', 'sharing'],
    ] as const) {
      await page.getByRole('link', { name: tab }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, label);
    }
    await page.getByRole('link', { name: '3. Network' }).click();
    await page.getByRole('button', { name: 'Map' }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await expectNoAxeViolations(page, 'network map');
    await screenshot(page, 'plan-network-map');

    // Edit the goal, then undo that change from history.
    await page.getByRole('link', { name: '2. Goals' }).click();
    await what.fill('Teach spreadsheets');
    await saved(page);
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByRole('button', { name: /^Changed Goal: Teach spreadsheets/ }).click();
    await page.locator('.revision del').first().waitFor();
    await expectNoAxeViolations(page, 'history with a diff open');
    await screenshot(page, 'plan-history');
    await page.getByRole('button', { name: 'Undo this change' }).click();
    await page.getByText(/^Done\./).waitFor();
    await page.getByRole('button', { name: /^Undid a change to Goal: Run a 30-minute/ }).waitFor();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await expect.poll(() => what.inputValue()).toBe('Run a 30-minute data literacy workshop for my team');

    // The PDF for the review meeting.
    await page.getByRole('link', { name: 'Overview' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('waymark-plan-2027.pdf');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');

    // Give the plan a title; on a phone-sized screen the plan still reads well.
    await page.getByText('Plan details: rename or delete').click();
    await page.getByLabel('Title').fill('Sharing what I know');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('heading', { name: /Learning plan 2027 — Sharing what I know/ }).waitFor();
    await expectNoAxeViolations(page, 'plan overview with details open');
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the plan's sections are a menu that names the one shown.
    await page.getByRole('button', { name: 'Plan section: Overview' }).click();
    await page.getByRole('menuitem', { name: '2. Goals' }).click();
    await page.getByRole('button', { name: 'Plan section: 2. Goals' }).waitFor();
    await page.getByRole('button', { name: 'Add a goal' }).waitFor();
    await expectNoAxeViolations(page, 'goals on a phone');
    await screenshot(page, 'plan-goals-phone');
  });

  it('lets an L&D admin adapt the guide and publish a template that a new plan starts from', async () => {
    const { page } = await newLearner('Lia Lead');
    await page.getByRole('link', { name: 'Go to your plans' }).click();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('What do you need to learn?').fill('Know the catalogue inside out');
    await saved(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guide' }).click();
    await page.getByRole('heading', { name: 'Adapt the guide' }).waitFor();
    await expectNoAxeViolations(page, 'guide admin');
    const firstPrompts = page.getByLabel('Prompts, one per line').first();
    await firstPrompts.fill('Which library project did you enjoy most?\nWho did you learn it with?');
    await page.getByRole('button', { name: 'Save the guide' }).click();
    await page.getByText('Saved. Learners see the new prompts now.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Plan templates' }).waitFor();
    await page.getByLabel('Name').fill('New library staff');
    await page.getByLabel('From your plan').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save as a draft template' }).click();
    await page.getByRole('button', { name: 'Publish New library staff' }).click();
    await page.getByText('Published: learners can start from it').waitFor();
    await expectNoAxeViolations(page, 'templates');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await page.getByLabel('Cycle').fill('2028');
    await page.getByLabel('Start from').selectOption({ label: 'Template: New library staff (1 goal)' });
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Learning plan 2028' }).waitFor();
    // The template filled part 2, so the guide offers to continue; its first question is the adapted one.
    await page.getByRole('link', { name: 'Continue the guide' }).click();
    await page.getByRole('heading', { name: 'Which library project did you enjoy most?' }).waitFor();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await expect
      .poll(() => page.getByLabel('What do you need to learn?').inputValue())
      .toBe('Know the catalogue inside out');
  });

  it('shows both versions when two tabs edit the same goal, and keeps the one chosen', async () => {
    const { context, page: tabA } = await newLearner('Tomas Twotabs');
    await tabA.getByRole('link', { name: 'Go to your plans' }).click();
    await tabA.getByRole('button', { name: 'Start the plan' }).click();
    await tabA.getByRole('link', { name: '2. Goals' }).click();
    await tabA.getByRole('button', { name: 'Add a goal' }).click();
    await tabA.getByLabel('What do you need to learn?').fill('First wording');
    await saved(tabA);

    const tabB = await context.newPage();
    await tabB.goto(tabA.url());
    await expect.poll(() => tabB.getByLabel('What do you need to learn?').inputValue()).toBe('First wording');
    await tabA.getByLabel('What do you need to learn?').fill('Wording from tab A');
    await saved(tabA);
    await tabB.getByLabel('What do you need to learn?').fill('Wording from tab B');
    await tabB.getByRole('alert').filter({ hasText: 'This was changed somewhere else' }).waitFor();
    await expect.poll(() => tabB.getByRole('cell', { name: 'Wording from tab A' }).count()).toBe(1);
    await expect.poll(() => tabB.getByRole('cell', { name: 'Wording from tab B' }).count()).toBe(1);
    await expectNoAxeViolations(tabB, 'conflict');
    await screenshot(tabB, 'plan-conflict');
    await tabB.getByRole('button', { name: 'Keep my version' }).click();
    await saved(tabB);
    await tabA.reload();
    await expect.poll(() => tabA.getByLabel('What do you need to learn?').inputValue()).toBe('Wording from tab B');
    await tabB.close();
  });

  it('never drops an edit when saving fails: it retries, and a reload brings the edit back', async () => {
    const { page } = await newLearner('Ola Offline');
    await page.getByRole('link', { name: 'Go to your plans' }).click();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const what = page.getByLabel('What do you need to learn?');
    await what.fill('Saved wording');
    await saved(page);

    // The server cannot be reached for saves: the page says so and keeps trying.
    const failSaves = (route: import('playwright-core').Route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue();
    await page.route('**/api/plans/**', failSaves);
    await what.fill('Wording typed while offline');
    await page.getByText('Not saved yet: retrying').waitFor();

    // Even a reload in that state loses nothing: the edit comes back and is saved once saving works again.
    await page.unroute('**/api/plans/**', failSaves);
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await expect.poll(() => what.inputValue()).toBe('Wording typed while offline');
    await saved(page);
    await page.reload();
    await expect.poll(() => what.inputValue()).toBe('Wording typed while offline');
  });
});
