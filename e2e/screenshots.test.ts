import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAdminEmail, demoOwnerEmail, seedDemo } from '../src/db/seed-demo.js';
import { expectNoAxeViolations } from './support/browser.js';
import { type Comparison, compareWithBaseline } from './support/screenshot-compare.js';
import { serverAndBrowser } from './support/session.js';

/*
 * Every main page at a phone's, a tablet's and a desktop's width, in the light and the dark theme, compared
 * with its committed baseline (support/screenshot-compare.ts says how, and how to update one on purpose), and
 * checked with axe in each. On the demo organisation: its owner Maya is a learner with a plan, Tom its L&D admin.
 */

const env = serverAndBrowser();

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function signedIn(email?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ baseURL: env.server.baseUrl, reducedMotion: 'reduce' });
  const page = await context.newPage();
  if (email) {
    const res = await page.request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
    expect(res.status(), await res.text()).toBeLessThan(300);
  }
  return { context, page };
}

/**
 * Opens `url` and waits until the page has settled: its heading, its data, its fonts. (Animations and the caret
 * are stopped by the screenshot itself: the content security policy refuses an injected style, rightly.)
 */
async function settle(page: Page, url: string) {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

interface Setting {
  pages: { name: string; who: Page; url: string }[];
  everyone: Page[];
}

// How pages look does not depend on the database: the suite's PostgreSQL pass leaves these to the PGlite one.
describe.skipIf(process.env.TEST_DATABASE_URL)('how the main pages look', () => {
  const setting = {} as Setting;
  beforeAll(async () => {
    await seedDemo(env.server.ctx.db);
    const maya = await signedIn(demoOwnerEmail);
    const tom = await signedIn(demoAdminEmail);
    const anonymous = await signedIn();
    const orgId = (await (await maya.page.request.get('/api/me')).json()).memberships[0].organizationId as string;
    const org = `/orgs/${orgId}`;
    const { plans } = (await (await maya.page.request.get(`/api/plans?orgId=${orgId}`)).json()) as {
      plans: { id: string; cycle: string }[];
    };
    const newest = [...plans].sort((a, b) => b.cycle.localeCompare(a.cycle))[0];
    const plan = `${org}/plans/${newest?.id}`;
    setting.everyone = [maya.page, tom.page, anonymous.page];
    setting.pages = [
      { name: 'sign-in', who: anonymous.page, url: '/sign-in' },
      { name: 'home', who: maya.page, url: '/' },
      { name: 'plan-overview', who: maya.page, url: plan },
      { name: 'plan-guide', who: maya.page, url: `${plan}/guide` },
      { name: 'plan-goals', who: maya.page, url: `${plan}/goals` },
      { name: 'log', who: maya.page, url: `${org}/log` },
      { name: 'portfolio', who: maya.page, url: `${org}/portfolio` },
      { name: 'feed', who: maya.page, url: `${org}/feed` },
      { name: 'notifications', who: maya.page, url: '/notifications' },
      { name: 'settings', who: maya.page, url: '/settings' },
      { name: 'members', who: tom.page, url: `${org}/members` },
      { name: 'insights', who: tom.page, url: `${org}/insights` },
    ];
  });

  for (const theme of THEMES) {
    for (const size of WIDTHS) {
      it(`matches the baselines at ${size.width} px in the ${theme} theme, and passes axe`, {
        timeout: 300_000,
      }, async () => {
        const results: Comparison[] = [];
        for (const page of setting.everyone) {
          await page.emulateMedia({ colorScheme: theme });
          await page.setViewportSize({ width: size.width, height: size.height });
        }
        for (const { name, who, url } of setting.pages) {
          await settle(who, url);
          results.push(await compareWithBaseline(who, `${name}-${size.name}-${theme}`));
          await expectNoAxeViolations(who, `${name} at ${size.width} px, ${theme}`);
        }
        const failed = results.filter((r) => r.problem).map((r) => `${r.name}: ${r.problem}`);
        expect(failed, 'screenshots unlike their baselines (new ones in e2e/artifacts/screenshots/)').toEqual([]);
      });
    }
  }
});
