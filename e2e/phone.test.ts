import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { learnerWithGoal, serverAndBrowser } from './support/session.js';

/* On a phone (390 px wide): every page fits the screen; nothing needs scrolling sideways to be reached. */

const env = serverAndBrowser();

const longGoal =
  'Run a monthly data workshop for branch staff on reading circulation figures, building dashboards and telling the story behind the numbers';

describe('on a phone', () => {
  it('fits every main page to the screen, header included', async () => {
    const page = await learnerWithGoal(env, 'Pia Phone', 'Phone Library', longGoal);
    const plansUrl = page.url().replace(/\/goals$/, '');
    await page.setViewportSize({ width: 390, height: 844 });
    const me = await (await page.request.get('/api/me')).json();
    const org = `/orgs/${me.memberships[0].organizationId}`;

    // A post with a Markdown table: on a phone it stays a table, its header shown.
    const post = await page.request.post('/api/posts', {
      data: {
        organizationId: me.memberships[0].organizationId,
        body: '| Week | Hours |\n|:--|--:|\n| 1 | 3 |',
        visibility: 'organization',
      },
    });
    expect(post.status()).toBe(201);

    const pages: [string, string][] = [
      ['home', '/'],
      ['plans', `${org}/plans`],
      ['plan overview', plansUrl],
      ['goals', `${plansUrl}/goals`],
      ['network', `${plansUrl}/network`],
      ['learning log (a goal as long as a paragraph among the filters)', `${org}/log`],
      ['feed', `${org}/feed`],
      ['members', `${org}/members`],
      ['settings', '/settings'],
      ['guide', `${plansUrl}/guide/2/0`],
      ['portfolio', `${org}/portfolio`],
      ['communities', `${org}/communities`],
      ['shared with me', `${org}/shared`],
      ['notifications', '/notifications'],
      ['insights', `${org}/insights`],
    ];
    for (const [name, url] of pages) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await page.getByRole('button', { name: /^Account: / }).waitFor();
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (wider > 0) await screenshot(page, `phone-${name.split(' ')[0]}`);
      expect(wider, `${name} is wider than the phone by ${wider} px`).toBe(0);
      // The bar's last control is on the screen, not cut off at its right edge.
      const account = await page.getByRole('button', { name: /^Account: / }).boundingBox();
      expect((account?.x ?? 0) + (account?.width ?? 0)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page, `${name} on a phone`);
    }
    await page.goto(`${org}/feed`);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Week' }).isVisible()).toBe(true);
    const header = await page.getByRole('columnheader', { name: 'Hours' }).boundingBox();
    const cell = await page.getByRole('cell', { name: '3' }).boundingBox();
    expect(Math.abs((header?.x ?? 0) - (cell?.x ?? 1))).toBeLessThan(40); // the same column, not stacked
  });
});
