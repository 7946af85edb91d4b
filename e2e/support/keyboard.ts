import type { Locator, Page } from 'playwright-core';

/** Presses Tab until the element has the focus, as a keyboard user gets there; fails if Tab never reaches it. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with the Tab key');
}

/** Tabs to a control and activates it with Enter (links, buttons). */
export async function tabAndEnter(page: Page, target: Locator, max = 80) {
  await tabTo(page, target, max);
  await page.keyboard.press('Enter');
}

/** Tabs to a select and chooses an option by typing its first letters, as a keyboard user does. */
export async function tabAndChoose(page: Page, select: Locator, typed: string) {
  await tabTo(page, select);
  await page.keyboard.type(typed);
}

/** Whether the focus is inside the element (a dialog, a form). */
export const focusIsIn = (target: Locator) => target.evaluate((el) => el.contains(document.activeElement));
