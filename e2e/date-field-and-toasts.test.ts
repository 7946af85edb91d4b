import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { dateField, dateValue } from './support/date-field.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * The design system's date field (React Aria's date picker) and toasts, by keyboard, at a desktop's width and a
 * phone's, in two languages that write dates in different orders.
 */

const env = serverAndBrowser();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { type: el?.getAttribute('data-type'), text: el?.textContent ?? '', label: el?.getAttribute('aria-label') };
  });

describe.each([
  { width: 1280, locale: 'en-US', typed: '03152027', order: ['month', 'day', 'year'] },
  { width: 390, locale: 'en-GB', typed: '15032027', order: ['day', 'month', 'year'] },
])('date field and toast at $width px ($locale)', ({ width, locale, typed, order }) => {
  it('types, steps with the arrows, clears and sends a day; confirms with a toast that the keyboard dismisses', async () => {
    const { page } = await signUpWithOrganisation(env, `Dara ${width}`, `Dates ${width}`, {
      locale,
      reducedMotion: 'reduce',
    });
    await page.setViewportSize({ width, height: 844 });
    const me = await (await page.request.get('/api/me')).json();
    const orgId: string = me.memberships[0].organizationId;

    // Quick capture: its "When" field starts at today, in the reader's order of day, month and year.
    await page.getByRole('button', { name: 'Log learning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
    await dialog.getByLabel('What I learned').fill('Dates read the way I write them');
    const when = dateField(dialog, 'When');
    await when.waitFor();
    const segments = when.getByRole('spinbutton');
    expect(await segments.evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))).toEqual(order);

    // Type: digits fill a segment and move on to the next one.
    await segments.first().focus();
    await page.keyboard.type(typed);
    expect(await dateValue(dialog, 'learnedOn')).toBe('2027-03-15');
    expect((await focused(page)).type).toBe('year');

    // Arrows: up and down step the focused segment; left and right move between segments.
    await page.keyboard.press('ArrowUp');
    expect(await dateValue(dialog, 'learnedOn')).toBe('2028-03-15');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).type).toBe(order[1]);
    await page.keyboard.press('ArrowDown');
    const stepped = order[1] === 'day' ? '2027-03-14' : '2027-02-15';
    expect(await dateValue(dialog, 'learnedOn')).toBe(stepped);

    // Clear: Backspace empties a segment, then goes back to the one before; an emptied field sends nothing.
    const allEmpty = () => segments.evaluateAll((els) => els.every((el) => el.hasAttribute('data-placeholder')));
    await segments.last().focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
    expect(await dateValue(dialog, 'learnedOn')).toBe('');
    expect(await allEmpty()).toBe(true);

    // A day left with a gap is no day: leaving the field empties it rather than send the day it was before.
    await segments.first().focus();
    await page.keyboard.type(typed);
    await segments.nth(1).focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await dialog.getByLabel('What I learned').focus();
    await expect.poll(() => dateValue(dialog, 'learnedOn')).toBe('');
    expect(await allEmpty()).toBe(true);

    // Typed again, then moved a day on in the calendar, by keyboard: that is what the server receives.
    await segments.first().focus();
    await page.keyboard.type(typed);
    await when.getByRole('button', { name: /Calendar/ }).focus();
    await page.keyboard.press('Enter');
    const calendar = page.getByRole('application', { name: /March 2027/ });
    await calendar.waitFor();
    await expectNoAxeViolations(page, `the calendar (${width} px)`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');

    await expect.poll(() => calendar.count()).toBe(0);
    expect(await dateValue(dialog, 'learnedOn')).toBe('2027-03-16');
    // Escape closes the calendar only, not quick capture around it.
    await page.keyboard.press('Enter');
    await calendar.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.count()).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    await expectNoAxeViolations(page, `quick capture with a date field (${width} px)`);
    await dialog.getByRole('button', { name: 'Log it' }).click();

    // The toast: in its landmark, announced (role="alert" inside), above the phone's bottom bar.
    const region = page.getByRole('region', { name: 'Status messages' });
    const toast = region.getByRole('alertdialog');
    await toast.waitFor();
    expect(await region.getByRole('alert').textContent()).toBe('Logged: Dates read the way I write them');
    await expectNoAxeViolations(page, `a toast (${width} px)`);
    expect(await toast.evaluate((el) => getComputedStyle(el).animationName)).toBe('none'); // reduced motion
    const box = await toast.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    if (width < 960) {
      const bar = await page.locator('.bottom-bar').boundingBox();
      expect(box && bar && box.y + box.height <= bar.y).toBe(true);
    }
    const log = await (await page.request.get(`/api/log?orgId=${orgId}`)).json();
    expect(log.entries.map((e: { learnedOn: string }) => e.learnedOn)).toEqual(['2027-03-16']);

    // Dismissed by keyboard: F6 jumps to the toasts, Tab to the toast and to its Close, Enter closes it.
    await page.keyboard.press('F6');
    await expect.poll(async () => region.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alertdialog');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => toast.count()).toBe(0);
    // The focus goes back to where it was before F6.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Log learning');
  });
});
