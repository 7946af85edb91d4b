import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, SERVICE_WORKER_BLOCKED } from './support/browser.js';
import { learnerWithPlan, newPage, serverAndBrowser } from './support/session.js';

/*
 * A first visit to the pages people land on most (issue 17): the entry script starts each page's reads and code
 * before the app has arrived (src/web/app/landing.ts), and the app takes them. Each thing is asked for once, the
 * page shows whole, and nothing was read in vain (the app warns of an early read it did not take).
 */

const env = serverAndBrowser();

/** Opens `path` as a first visit would, and answers the API paths asked for and the console's warnings. */
async function firstVisit(page: Page, path: string, heading: string | RegExp) {
  const asked: string[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(`${r.method()} ${url.pathname}${url.search}`);
  });
  page.on('console', (m) => {
    // Playwright says so when it refuses the app's service worker (blocked in these tests: support/browser.ts).
    if (m.type() === 'warning' && !m.text().startsWith(SERVICE_WORKER_BLOCKED)) warnings.push(m.text());
  });
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  return { asked, warnings };
}

const once = (asked: string[]) => asked.filter((a, i) => asked.indexOf(a) !== i);

describe('a first visit', () => {
  it('asks for what the sign-in, home and plan pages show once each, and shows them whole', async () => {
    const {
      page: learner,
      orgId,
      plan,
    } = await learnerWithPlan(env, 'Fern Firstload', 'Fern Library', ['Learn to give feedback']);

    const home = await learner.context().newPage();
    const atHome = await firstVisit(home, `/orgs/${orgId}`, 'Hello, Fern Firstload');
    expect(atHome.warnings).toEqual([]);
    expect(once(atHome.asked)).toEqual([]);
    expect(atHome.asked).toEqual(
      expect.arrayContaining(['GET /api/me', `GET /api/orgs/${orgId}`, `GET /api/orgs/${orgId}/home`]),
    );
    await expectNoAxeViolations(home, 'home, first visit');

    const planPage = await learner.context().newPage();
    const atPlan = await firstVisit(planPage, `/orgs/${orgId}/plans/${plan.id}`, 'Learning plan 2027 — Growing');
    expect(atPlan.warnings).toEqual([]);
    expect(once(atPlan.asked)).toEqual([]);
    expect(atPlan.asked).toEqual(expect.arrayContaining([`GET /api/plans/${plan.id}`]));
    await expectNoAxeViolations(planPage, 'plan, first visit');

    // Signed out, the sign-in page asks the API nothing; the organisation's page sends them to sign in.
    const { context, page: visitor } = await newPage(env);
    const atSignIn = await firstVisit(visitor, '/sign-in', 'Sign in to Waymark');
    expect(atSignIn.asked).toEqual([]);
    expect(atSignIn.warnings).toEqual([]);
    const away = await context.newPage();
    const atOrg = await firstVisit(away, `/orgs/${orgId}`, 'Sign in to Waymark');
    expect(atOrg.warnings).toEqual([]);
    expect(new URL(away.url()).pathname).toBe('/sign-in');
  });
});
