import { expect, it } from 'vitest';
import { DEMO_PASSWORD, demoOwnerEmail, seedDemo } from '../src/db/seed-demo.js';
import { expectNoAxeViolations } from './support/browser.js';
import { serverAndBrowser } from './support/session.js';

/*
 * The network map says what its colours and lines mean (a key under the map), and reads in both themes: React
 * Flow's white nodes took the dark theme's light text. On the demo founder's 2027 plan (people, a community, a
 * course).
 */

const env = serverAndBrowser();

it('has a key to its colours and lines, and passes axe light and dark, wide and on a phone', async () => {
  await seedDemo(env.server.ctx.db);
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [390, 'dark'],
  ] as const) {
    const context = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      viewport: { width, height: 900 },
      colorScheme,
    });
    const page = await context.newPage();
    const signIn = await page.request.post('/api/auth/sign-in', {
      data: { email: demoOwnerEmail, password: DEMO_PASSWORD },
    });
    expect(signIn.status()).toBeLessThan(300);
    const orgId = (await (await page.request.get('/api/me')).json()).memberships[0].organizationId as string;
    const { plans } = (await (await page.request.get(`/api/plans?orgId=${orgId}`)).json()) as {
      plans: { id: string; cycle: string }[];
    };
    const plan = plans.find((p) => p.cycle === '2027');
    await page.goto(`/orgs/${orgId}/plans/${plan?.id}/network`);
    await page.getByRole('button', { name: 'Map' }).click();
    const key = page.getByRole('list', { name: 'Key to the map' });
    await expect
      .poll(() => key.getByRole('listitem').allInnerTexts())
      .toEqual(['A goal of this plan', 'A person', 'A community or a resource', 'Helps with the goal']);
    await expectNoAxeViolations(page, `the network map at ${width} px, ${colorScheme}`);
    await context.close();
  }
});
