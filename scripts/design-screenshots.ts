/*
 * Screenshots of the pages the design work is judged by (issue 18): home, a plan's overview and the guide, at
 * 1280 and 390 px, in the built web app on a fresh in-memory database. Used for the before/after pictures in
 * docs/screenshots/: `npx tsx scripts/design-screenshots.ts docs/screenshots/after` (build the web app first).
 * A dark set too with `--dark`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../e2e/support/server.js';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots/after');
const dark = process.argv.includes('--dark');
fs.mkdirSync(outDir, { recursive: true });

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
    colorScheme: dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Maya Okafor');
  await page.getByLabel('E-mail address').fill(`maya-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('learning-out-loud');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Organisation name').fill('Riverside Library');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: 'Hello, Maya Okafor' }).waitFor();

  const me = await (await page.request.get('/api/me')).json();
  const orgId = me.memberships[0].organizationId as string;
  const plan = await (
    await page.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Growing' } })
  ).json();
  await page.request.post(`/api/plans/${plan.id}/reflections`, {
    data: { what: 'Shadowing the archive team for a week' },
  });
  await page.request.post(`/api/plans/${plan.id}/goals`, {
    data: { what: 'Run a monthly data workshop for branch staff' },
  });

  const shots: [string, string][] = [
    ['home', `/orgs/${orgId}`],
    ['plan-overview', `/orgs/${orgId}/plans/${plan.id}`],
    ['guide', `/orgs/${orgId}/plans/${plan.id}/guide/1/0`],
  ];
  const suffix = dark ? '-dark' : '';
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    for (const [name, url] of shots) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(outDir, `${name}-${width}${suffix}.png`), fullPage: true });
    }
  }
  console.log(`Screenshots in ${path.relative(process.cwd(), outDir)}`);
} finally {
  await browser.close();
  await server.stop();
}

/** Waits until the page's data and fonts are in and nothing says it is loading. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}
