import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { fillDate } from './support/date-field.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * L&D authoring a programme (issue 19): the organisation's owner (an organiser, as L&D admins are) builds a
 * three-thing programme in two weeks, reorders by keyboard, opens a cohort, publishes and exports it.
 */

const env = serverAndBrowser();

describe('authoring a programme', () => {
  it('builds, reorders by keyboard, opens a cohort, publishes and exports; axe-clean at 390 and 1280 px', async () => {
    const { page } = await signUpWithOrganisation(env, 'Lena Lead', 'Programme Library');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run programmes' }).click();
    await page.getByRole('heading', { name: 'No programmes yet' }).waitFor();
    // The organisers' pages light "Run programmes", not the learner's "Programmes" whose address they sit below.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Run programmes' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Programmes', exact: true }).getAttribute('aria-current')).not.toBe(
      'page',
    );
    await expectNoAxeViolations(page, 'programmes, empty, 1280');

    await page.getByLabel('Title').fill('Data in practice');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('heading', { name: /Data in practice/, level: 1 }).waitFor();

    // Two weeks, three things: A and B in week 1, C in week 2.
    await page.getByRole('button', { name: 'Add a week' }).click();
    await page.getByRole('heading', { name: 'Week 2', level: 3 }).waitFor();
    const addThing = async (week: number, title: string, done: number) => {
      await page.getByText(`Add a thing to week ${week}`).click();
      const form = page.getByRole('form', { name: 'New thing' }); // only the open one is in the accessibility tree
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('The task').fill(`Try ${title}`);
      await form.getByRole('button', { name: 'Add the thing' }).click();
      await page.getByRole('article', { name: `Thing ${done}: ${title}` }).waitFor();
      await page.getByText(`Add a thing to week ${week}`).click();
    };
    await addThing(1, 'Make a chart', 1);
    await addThing(1, 'Ask a question of data', 2);
    await addThing(2, 'Share a chart', 3);

    // Move thing 2 up, by keyboard: focus its "Move up" button and press Enter.
    await page.getByRole('button', { name: 'Move up Ask a question of data' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: 'Thing 1: Ask a question of data' }).waitFor();
    await page.getByRole('article', { name: 'Thing 2: Make a chart' }).waitFor();

    // A cohort.
    await page.getByLabel('Name', { exact: true }).fill('Spring');
    await fillDate(page, 'Starts on', '2027-03-01');
    await page.getByLabel('Capacity (optional)').fill('20');
    await page.getByRole('button', { name: 'Open the cohort' }).click();
    await page.getByText(/Spring.*starts/).waitFor();

    await expectNoAxeViolations(page, 'programme editor, 1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoAxeViolations(page, 'programme editor, 390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Published');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export (JSON)' }).click();
    const file = await download;
    const doc = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path()) as string, 'utf8'));
    expect(doc.format).toBe('waymark-programme');
    expect(doc.weeks.map((w: { things: { title: string }[] }) => w.things.map((t) => t.title))).toEqual([
      ['Ask a question of data', 'Make a chart'],
      ['Share a chart'],
    ]);

    await page.getByRole('link', { name: 'All programmes' }).click();
    await page.getByRole('article', { name: 'Data in practice' }).waitFor();
    await expect
      .poll(() => page.getByRole('article', { name: 'Data in practice' }).textContent())
      .toMatch(/2 weeks · 3 things · 1 cohort/);
    await expectNoAxeViolations(page, 'programmes list, 1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoAxeViolations(page, 'programmes list, 390');
  });
});
