import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { xssVectors } from './fixtures/xss-vectors.js';
import { screenshot } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';
import { findSurvivors, watchForScript } from './support/xss-watch.js';

/*
 * People's Markdown is shown as HTML in posts, comments on posts and comments on plan goals, and quoted in
 * search results and notifications. Every known XSS vector is written in each of those places through the
 * API, then every page that shows them is opened in Chromium: nothing may run, and nothing that could run
 * may be left in the page.
 */

const env = serverAndBrowser();

/** Runs `work` over `items` a few at a time: the server is not flooded, the test does not wait for each. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    results.push(...(await Promise.all(batch.map((item, i) => work(item, start + i)))));
  }
  return results;
}

async function created(request: APIRequestContext, url: string, data: object): Promise<{ id: string }> {
  const response = await request.post(url, { data });
  expect(response.status(), `${url} with ${JSON.stringify(data)}: ${await response.text()}`).toBe(201);
  return response.json();
}

/** Words the vectors use, and some vectors themselves (a query is shown back on the results page). */
const searches = [
  'alert',
  'window xss',
  'script',
  'onerror',
  'javascript',
  'svg onload',
  'iframe srcdoc',
  'style expression',
  'data text html',
  'math mtext',
  'noscript template',
  'details ontoggle',
  'autofocus onfocus',
  'example.org',
  'base64',
  'meta refresh',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
];

/**
 * Opens a path inside the running app, as its own links do: a full page load for each of the posts would
 * take most of the test's time.
 */
async function openInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe('cross-site scripting', () => {
  it(`runs none of ${xssVectors.length} vectors in posts, comments and search, and leaves nothing that could run`, async () => {
    const { page, orgId, plan } = await learnerWithPlan(env, 'Xavi Sanitiser', 'Filter Library', ['Write safely']);
    const watch = await watchForScript(page);
    const colleague = await colleagueJoins(env, page, orgId, 'Cora Commenter');
    const goalId = (await (await page.request.get(`/api/plans/${plan.id}`)).json()).goals[0].id as string;

    // PostgreSQL cannot hold a NUL character: those vectors are refused, field named, before anything is stored.
    const withNul = xssVectors.filter((v) => v.includes('\u0000'));
    const vectors = xssVectors.filter((v) => !withNul.includes(v));
    for (const vector of withNul) {
      const refused = await page.request.post('/api/posts', {
        data: { organizationId: orgId, title: 'NUL', body: vector, visibility: 'organization' },
      });
      expect(refused.status()).toBe(400);
      expect((await refused.json()).error.fields).toHaveProperty('body');
    }

    // Each vector as a post (title and body), as a colleague's comment on that post, and on the learner's goal.
    const posts = await inBatches(vectors, 8, (vector) =>
      created(page.request, '/api/posts', {
        organizationId: orgId,
        title: vector.slice(0, 200),
        body: vector,
        visibility: 'organization',
      }),
    );
    const postComments = await inBatches(vectors, 8, (vector, i) =>
      created(colleague.request, `/api/posts/${posts[i]?.id}/comments`, { body: vector }),
    );
    await inBatches(vectors, 8, (vector) =>
      created(page.request, `/api/plans/${plan.id}/comments`, { targetKind: 'goal', targetId: goalId, body: vector }),
    );
    const nothingRan = async (where: string) => {
      const seen = { ran: watch.calls, left: await findSurvivors(page) };
      expect(seen, `script that ran and markup that could run, on ${where}`).toEqual({ ran: [], left: [] });
    };

    // The feed, every page of it, checked before "Show more" is clicked (markup left over could cover it).
    await page.goto(`/orgs/${orgId}/feed`);
    const cards = page.locator('article.post');
    for (let shown = 20; ; shown += 20) {
      await expect.poll(() => cards.count()).toBe(Math.min(shown, posts.length));
      await page.waitForTimeout(300); // for handlers that fire later: failed loads, toggles, animations
      await nothingRan(`the feed, ${shown} posts`);
      if (shown === 20) await screenshot(page, 'xss-feed');
      if (shown >= posts.length) break;
      await page.getByRole('button', { name: 'Show more' }).click();
    }

    // Each post's own page, with the colleague's comment on it.
    for (const [i, post] of posts.entries()) {
      await openInApp(page, `/orgs/${orgId}/posts/${post.id}`);
      await page.locator(`#comment-${postComments[i]?.id}`).waitFor({ state: 'attached' });
      await nothingRan(`the page of post ${i + 1}: ${vectors[i]}`);
    }

    // The goal, with every vector among its comments.
    await page.goto(`/orgs/${orgId}/plans/${plan.id}/goals/${goalId}`);
    await expect.poll(() => page.locator('.comment-body').count()).toBe(vectors.length);
    await page.waitForTimeout(300);
    await nothingRan('the goal page');
    await screenshot(page, 'xss-goal-comments');

    // Search, with the vectors' words and with vectors as the query (a query is shown back on the page).
    await page.goto(`/orgs/${orgId}/search`);
    const found = new Set<string>();
    for (const q of searches) {
      await page.getByRole('search', { name: 'Search this organisation' }).getByRole('searchbox').fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `found for “${q}”` })
        .waitFor();
      for (const href of await page
        .locator('.search-results h2 a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        if (href?.includes('/posts/')) found.add(href);
      }
      await nothingRan(`the search for ${q}`);
    }
    // Each search shows its 20 best (the newest matches, ranked); together they put over a third of the vectors
    // on a results page. Every vector is rendered in the feed and on its post's page above anyway.
    expect(found.size, 'posts the searches found').toBeGreaterThan(vectors.length / 3);

    // The learner's notifications quote the colleague's comments.
    await page.goto('/notifications');
    const told = page.locator('.notification', { hasText: 'commented on your post' });
    await told.first().waitFor();
    for (let shown = await told.count(); shown < vectors.length; shown = await told.count()) {
      await page.getByRole('button', { name: 'Show older notifications' }).click();
      await expect.poll(() => told.count()).toBeGreaterThan(shown);
    }
    await nothingRan('the notifications');
  });
});
