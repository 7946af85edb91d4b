import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM } from '../global-setup.js';

/** What Playwright writes to the console when it refuses a page's service worker (blocked unless asked for). */
export const SERVICE_WORKER_BLOCKED = 'Service Worker registration blocked by Playwright';

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium tries to reach Google, which this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every page of every context (however a test makes it) records what the content security policy blocked,
  // for expectNoAxeViolations to check with axe.
  // Service workers are blocked unless a test asks for them (offline.test.ts): a worker fetching every file of
  // the build at each new context would only slow the other tests, which are about pages, not installing.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    await context.addInitScript(() => {
      const blocked: string[] = [];
      Object.assign(window, { __cspBlocked: blocked });
      document.addEventListener('securitypolicyviolation', (e) =>
        blocked.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    return context;
  };
  return browser;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Fails the test with the list of violations if axe finds any (WCAG 2.1 A and AA rules), or if the page's
 * content security policy blocked anything (a page that needs what the policy forbids is broken).
 *
 * axe-core runs in the page itself, injected once per document. @axe-core/playwright's `analyze()` took 1.5–3 s
 * a call on a loaded 2-core machine, this 0.3–0.7 s: it injected axe twice and finished every run in a new blank
 * page, which only cross-origin frames need (the app has none). The browser tests check 240-odd views.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Checked between two views (a test waited for something the previous page also showed), a page can be caught
  // on its "Loading…" status, which has no heading yet: wait for the app's loading statuses to go first. One still
  // there after 10 s is checked as it is.
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="status"]')].some((status) =>
          status.textContent?.trim().startsWith('Loading'),
        ),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((result) => result.violations),
    AXE_TAGS,
  );
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
  const blocked = await page.evaluate(() => (window as unknown as { __cspBlocked?: string[] }).__cspBlocked ?? []);
  expect(blocked, `content security policy violations on ${label}`).toEqual([]);
}

/** Screenshots go to e2e/artifacts (git-ignored) so a failing run can be looked at. */
export async function screenshot(page: Page, name: string) {
  const dir = path.resolve('e2e/artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
