import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from './support/browser.js';

/*
 * The accessibility check every browser test leans on (support/browser.ts) must fail when a page breaks a rule,
 * including after the page changed without a new document: axe is injected once per document and run again.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const page = (html: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>${html}</main></body></html>`;

/** What the failed check listed (its assertion's actual value), or undefined if the page passed. */
const violationsFound = (tab: Page, label: string) =>
  expectNoAxeViolations(tab, label).then(
    () => undefined,
    (err: { actual?: unknown }) => JSON.stringify(err.actual),
  );

describe('expectNoAxeViolations', () => {
  it('passes a clean page, then fails it once a change breaks a rule, naming the rule and the element', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.setContent(page('<p>Nothing wrong here.</p>'));
    await expectNoAxeViolations(tab, 'a clean page');

    await tab.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'no-words';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')?.append(img);
    });
    const failure = await violationsFound(tab, 'the changed page');
    expect(failure).toContain('image-alt');
    expect(failure).toContain('#no-words');
    await context.close();
  });

  it('finds low contrast on a new document', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.setContent(page('<p id="faint" style="color:#bbb;background:#fff">Hard to read.</p>'));
    const failure = await violationsFound(tab, 'a faint page');
    expect(failure).toContain('color-contrast');
    expect(failure).toContain('#faint');
    await context.close();
  });
});
