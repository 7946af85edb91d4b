import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { learnerWithGoal, serverAndBrowser } from './support/session.js';

/* Evidence of a goal: a log entry becomes evidence, a file is attached and downloaded again, all on the goal's page. */

const env = serverAndBrowser();

describe('evidence and the goal timeline', () => {
  it('turns a log entry into evidence, attaches a file, downloads it and shows both on the timeline', async () => {
    const page = await learnerWithGoal(env, 'Eva Evidence', 'Evidence Library');

    // Quick capture from the plan page, then the log entry becomes evidence of the goal.
    await page.locator('h1').first().click();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
    await page.keyboard.type('Pivot tables can group dates by month');
    await dialog.getByLabel('For goal').selectOption({ label: 'Run a data workshop (2027)' });
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Logged: Pivot tables can group dates by month').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('button', { name: /^Use as evidence/ }).click();
    await expect.poll(() => page.getByLabel('Evidence of which goal?').inputValue()).not.toBe('');
    await expectNoAxeViolations(page, 'log with the evidence form open');
    await page.getByRole('button', { name: 'Add as evidence' }).click();
    await page.getByText('Added as evidence of').waitFor();
    await page.getByRole('link', { name: '“Run a data workshop”' }).click();

    // The goal's page: the log entry shows twice, as logged and as evidence.
    await page.getByRole('heading', { name: 'Run a data workshop', level: 1 }).waitFor();
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await evidence.getByText('Pivot tables can group dates by month').first().waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect.poll(() => timeline.locator('li').count()).toBe(2);

    // Attach a file by keyboard-reachable controls, with a wrong type first.
    await page.getByLabel('A file').check();
    const fileInput = page.getByLabel('File', { exact: true });
    await fileInput.setInputFiles({
      name: 'tool.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    });
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByText(/Files of this type cannot be added/).waitFor();
    const notes = Buffer.from('# Workshop notes\n\nEight people came; all want a second part.\n');
    await fileInput.setInputFiles({ name: 'workshop-notes.md', mimeType: 'text/markdown', buffer: notes });
    await page.getByLabel('Title').fill('Workshop notes');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByText('Added “Workshop notes”.').waitFor();
    await expect.poll(() => timeline.locator('li').count()).toBe(3);
    await expectNoAxeViolations(page, 'goal evidence and timeline');
    await screenshot(page, 'goal-evidence');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      evidence.getByRole('link', { name: /^Workshop notes/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('workshop-notes.md');
    expect(fs.readFileSync(await download.path()).equals(notes)).toBe(true);

    // Still there after a reload; removing evidence removes it from the timeline.
    await page.reload();
    await evidence.getByRole('link', { name: /^Workshop notes/ }).waitFor();
    page.once('dialog', (d) => d.accept());
    await evidence.getByRole('button', { name: 'Remove “Workshop notes”' }).click();
    await expect.poll(() => timeline.locator('li').count()).toBe(2);
  });
});
