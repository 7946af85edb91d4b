import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRow } from '../src/test/factories.js';
import { createCohort, createProgramme } from '../src/test/programme-fixture.js';
import { expectNoAxeViolations } from './support/browser.js';
import { focusIsIn, tabAndChoose, tabAndEnter } from './support/keyboard.js';
import { learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * A participant's own blog as their reflections: she registers her blog's feed on "Your blog" (first a wrong
 * address, an ordinary web page, which the page explains under the field), sees her post tagged for the
 * programme offered for Thing 1, uses it as her reflection, and the programme page shows Thing 1 reflected.
 * The blog is served by this test on 127.0.0.1, which the server may read only because the test allows it.
 */

const env = serverAndBrowser({ FEEDS_ALLOW_PRIVATE_HOSTS: 'true' });

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lena learns out loud</title><link>https://lena.example/</link>
<description>My learning blog</description>
<item>
  <title>Thing 1: my first week</title>
  <link>https://lena.example/2026/thing-1</link>
  <guid isPermaLink="false">lena-thing-1</guid>
  <category>#23things</category>
  <description>Tagging photos was quicker than I feared.</description>
  <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
</item>
<item>
  <title>What I cooked on Sunday</title>
  <link>https://lena.example/2026/sunday</link>
  <guid isPermaLink="false">lena-sunday</guid>
  <description>Nothing to do with the programme.</description>
  <pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate>
</item>
</channel></rss>`;

const PAGE = '<!doctype html><html><head><title>Lena learns out loud</title></head><body><p>Hello</p></body></html>';

let blog = '';
let blogServer: http.Server;
beforeAll(async () => {
  blogServer = http.createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => blogServer.listen(0, '127.0.0.1', resolve));
  blog = `http://127.0.0.1:${(blogServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  blogServer.closeAllConnections();
  await new Promise((resolve) => blogServer.close(resolve));
});

describe('your blog as your reflections', () => {
  it('registers a feed, uses its post as the reflection on Thing 1, and explains a wrong address', async () => {
    const { page, orgId } = await learnerWithPlan(env, 'Lena Learner', 'Harbour Library', ['Learn more']);
    const db = env.server.ctx.db;
    const { programme } = await createProgramme(db, { id: orgId } as OrgRow, {
      title: 'Library 23 Things',
      tag: '#23things',
      weeks: [{ things: 2 }, { things: 2 }],
    });
    const startsOn = format(addDays(new Date(), -2), 'yyyy-MM-dd');
    const cohort = await createCohort(db, programme.id, { name: 'Spring cohort', startsOn });
    // Before she enrols there is no blog to read: the page says so and points to the programme page.
    await page.goto(`/orgs/${orgId}/programmes/${programme.id}/blog`);
    await page.getByText(/You are not taking part in this programme/).waitFor();
    await page.getByRole('link', { name: 'Enrol on the programme page' }).waitFor();
    expect(await page.getByLabel('Feed address (RSS or Atom)').count()).toBe(0);

    const enrolled = await page.request.post(`/api/programmes/${programme.id}/enrolments`, {
      data: { cohortId: cohort.id, addGoal: false },
    });
    expect(enrolled.status()).toBe(201);

    // From "this week" on the programme page to "Your blog".
    await page.goto(`/orgs/${orgId}/programmes/${programme.id}`);
    const week = page.getByRole('region', { name: 'This week' });
    await week.getByRole('link', { name: 'Your blog' }).click();
    await page.getByRole('heading', { name: 'Your blog', level: 1 }).waitFor();
    await page.getByText(/we read it every hour and offer each post tagged #23things/).waitFor();
    await page.getByText('Register your blog to see its programme posts here.').waitFor();

    // A wrong address: her blog's home page, not its feed. The reason shows under the field.
    await page.setViewportSize({ width: 390, height: 800 });
    const address = page.getByLabel('Feed address (RSS or Atom)');
    await address.fill(`${blog}/`);
    await page.getByRole('button', { name: 'Register my blog' }).click();
    const error = page.locator('.field-error', { hasText: /answered with a web page, not a feed/ });
    await error.waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await address.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    await expectNoAxeViolations(page, 'your blog, wrong address (390 px)');

    // The feed: read at once, its programme post offered for Thing 1, the other post left out.
    await address.fill(`${blog}/feed.xml`);
    await address.press('Enter');
    await page.getByRole('heading', { name: 'Your blog’s feed' }).waitFor();
    await page.getByRole('link', { name: 'Lena learns out loud' }).waitFor();
    const post = page.getByRole('article', { name: 'Thing 1: my first week' });
    await post.getByText('Offered for Thing 1.').waitFor();
    expect(await page.getByText('What I cooked on Sunday').count()).toBe(0);
    await expectNoAxeViolations(page, 'your blog, post offered (390 px)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeViolations(page, 'your blog, post offered (1280 px)');

    // Only released things can be picked; she keeps Thing 1 and uses the post as her reflection.
    const picker = post.getByLabel('The thing it reflects on');
    expect(await picker.locator('option').allInnerTexts()).toEqual(['Thing 1: Thing 1', 'Thing 2: Thing 2']);
    // By keyboard: the picker, then the button (its words follow the thing picked).
    await tabAndChoose(page, picker, 'Thing 2');
    await post.getByRole('button', { name: 'Use as my reflection for Thing 2' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await tabAndEnter(page, post.getByRole('button', { name: 'Use as my reflection for Thing 1' }));
    await post.getByText('Used for Thing 1').waitFor();
    await expectNoAxeViolations(page, 'your blog, post used (1280 px)');

    // Stopping the blog asks first (the focus on Cancel); the post already used stays.
    await tabAndEnter(page, page.getByRole('button', { name: 'Stop reading my blog' }));
    const dialog = page.getByRole('dialog', { name: 'Stop reading your blog?' });
    await dialog.waitFor();
    expect(await focusIsIn(dialog)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Register your blog' }).waitFor();
    await post.getByText('Used for Thing 1').waitFor();
    expect(await address.inputValue()).toBe('');

    // The programme page shows Thing 1 reflected (a reflection also marks it tried, so it is done).
    await page.getByRole('link', { name: 'Library 23 Things' }).click();
    const thisWeek = page.getByRole('region', { name: 'This week' });
    await thisWeek.getByText('1 of 4 things done').waitFor();
    const thing1 = thisWeek
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Thing 1', exact: true }) });
    await thing1.getByText('done', { exact: true }).waitFor();
    // And the thing page points to the blog page.
    await thing1.getByRole('link', { name: 'Thing 1', exact: true }).click();
    await page.getByText(/A post tagged for the programme can be your reflection/).waitFor();
    await page.getByRole('link', { name: 'Your blog' }).waitFor();
  });
});
