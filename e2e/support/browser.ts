import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
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

/**
 * Fails the test with the list of violations if axe finds any (WCAG 2.1 A and AA rules), or if the page's
 * content security policy blocked anything (a page that needs what the policy forbids is broken).
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = result.violations.map(
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
