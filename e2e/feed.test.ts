import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Learning out loud, as two colleagues do it: the learner starts a community, logs what she learned and turns
 * the entry into a post for the community; a colleague who joined it finds the post in the feed, reacts and
 * comments; the learner is told and reads the comment; search finds the post though the word is misspelt.
 * (The main navigation will link the feed, communities and search; until then the pages are opened by address.)
 */

const env = serverAndBrowser();

describe('learning out loud', () => {
  it('turns a log entry into a community post that a colleague reacts to and comments on, and finds it by search', async () => {
    const { page: learner, orgId } = await learnerWithPlan(env, 'Lena Learner', 'Harbour Library', [
      'Build a budget spreadsheet',
    ]);
    const colleague = await colleagueJoins(env, learner, orgId, 'Cleo Colleague');

    // The learner starts a community from the Communities page.
    await learner.goto(`/orgs/${orgId}/communities`);
    await learner.getByText('No communities yet: start the first.').waitFor();
    await expectNoAxeViolations(learner, 'communities (none yet)');
    const start = learner.getByRole('form', { name: 'Start a community' });
    await start.getByLabel('Name').fill('Spreadsheet circle');
    await start.getByLabel('Topic').fill('spreadsheets');
    await start.getByLabel('Description (optional)').fill('Formulas, pivot tables and charts, learned together.');
    await start.getByRole('button', { name: 'Start the community' }).click();
    const circle = learner.getByRole('article', { name: 'Spreadsheet circle' });
    await circle.getByText('spreadsheets · 1 member · 0 posts').waitFor();
    await circle.getByRole('button', { name: 'Leave Spreadsheet circle' }).waitFor();
    await expectNoAxeViolations(learner, 'communities (one started)');
    await screenshot(learner, 'feed-communities');

    // The colleague finds it and joins from its page.
    await colleague.goto(`/orgs/${orgId}/communities`);
    await colleague.getByRole('link', { name: 'Spreadsheet circle' }).click();
    await colleague.getByRole('heading', { name: 'Spreadsheet circle', level: 1 }).waitFor();
    await colleague.getByText('Its posts are for its members: join to read and write them.').waitFor();
    await expectNoAxeViolations(colleague, 'community page (not a member)');
    await colleague.getByRole('button', { name: 'Join the community' }).click();
    await colleague.getByRole('button', { name: 'Leave the community' }).waitFor();
    await colleague.getByRole('heading', { name: 'Members (2)' }).waitFor();

    // The learner logs what she learned with quick capture, then makes a post of the entry for the community.
    await learner.goto(`/orgs/${orgId}/log`);
    await learner.getByRole('button', { name: 'Log learning' }).click();
    const capture = learner.getByRole('dialog', { name: 'Log what you learned' });
    await capture.getByLabel('What I learned').fill('A spreadsheet pivot table can group dates by month');
    await capture.getByRole('button', { name: 'Log it' }).click();
    const entry = learner.getByRole('list', { name: 'Log entries' }).getByRole('listitem');
    await entry.getByText('A spreadsheet pivot table can group dates by month').waitFor();
    await entry.getByRole('link', { name: /^Write a post/ }).click();
    const composer = learner.getByRole('form', { name: 'Write a post' });
    await expect
      .poll(() => composer.getByLabel('What did you learn?').inputValue())
      .toBe('A spreadsheet pivot table can group dates by month');
    await composer.getByLabel('Title (optional)').fill('Pivot tables group dates');
    await composer.getByLabel('Topics (optional)').fill('spreadsheets, data');
    await composer.getByLabel('A community').check();
    await composer.getByLabel('Community', { exact: true }).selectOption({ label: 'Spreadsheet circle' });
    await expectNoAxeViolations(learner, 'feed, writing a post');
    await screenshot(learner, 'feed-composer');
    await composer.getByRole('button', { name: 'Post' }).click();
    await learner.getByText('Posted “Pivot tables group dates”.').waitFor();
    // Posting folds the composer away, focus back on its toggle; opened again, it starts blank: the entry's
    // words and the audience chosen are not offered for a second post.
    await composer.waitFor({ state: 'hidden' });
    await expect.poll(() => learner.evaluate(() => document.activeElement?.textContent)).toBe('Write a post');
    await learner.keyboard.press('Enter');
    await expect.poll(() => composer.getByLabel('What did you learn?').inputValue()).toBe('');
    await expect.poll(() => composer.getByLabel('Everyone in the organisation').isChecked()).toBe(true);
    await expect.poll(() => new URL(learner.url()).search).toBe('');
    const mine = learner.getByRole('article', { name: 'Pivot tables group dates' });
    await mine.getByRole('link', { name: 'Spreadsheet circle' }).waitFor();

    // The colleague sees it in the feed, reacts and comments.
    await colleague.goto(`/orgs/${orgId}/feed`);
    const post = colleague.getByRole('article', { name: 'Pivot tables group dates' });
    await post.getByText('A spreadsheet pivot table can group dates by month').waitFor();
    await expectNoAxeViolations(colleague, 'feed with a community post');
    await post.getByRole('button', { name: 'Insightful' }).click();
    await expect
      .poll(() => post.getByRole('button', { name: 'Insightful (1)' }).getAttribute('aria-pressed'))
      .toBe('true');
    await post.getByRole('button', { name: 'Comments (0)' }).click();
    await post.getByLabel('Comment on Pivot tables group dates').fill('Try **grouping by week** too.');
    await post.getByRole('button', { name: 'Add comment' }).click();
    await post.locator('.comment-body strong', { hasText: 'grouping by week' }).waitFor();
    await post.getByRole('button', { name: 'Comments (1)' }).waitFor();
    await expectNoAxeViolations(colleague, 'feed, post with a comment');
    await screenshot(colleague, 'feed-colleague');
    await colleague.setViewportSize({ width: 390, height: 844 });
    await screenshot(colleague, 'feed-colleague-narrow');
    await colleague.setViewportSize({ width: 1280, height: 900 });

    // From the community's members, the colleague opens the learner's page and follows her.
    await post.getByRole('link', { name: 'Spreadsheet circle' }).click();
    // The feed showed this article too: wait for the community's own heading, or the check may catch the page
    // between the two (its "Loading the community…" has no heading yet).
    await colleague.getByRole('heading', { name: 'Spreadsheet circle', level: 1 }).waitFor();
    await colleague.getByRole('article', { name: 'Pivot tables group dates' }).waitFor();
    await expectNoAxeViolations(colleague, 'community page (member, one post)');
    await screenshot(colleague, 'feed-community');
    await colleague.getByRole('list', { name: 'Members (2)' }).getByRole('link', { name: 'Lena Learner' }).click();
    await colleague.getByRole('heading', { name: 'Lena Learner', level: 1 }).waitFor();
    await colleague.getByRole('article', { name: 'Pivot tables group dates' }).waitFor();
    await colleague.getByRole('button', { name: 'Follow Lena Learner' }).click();
    await colleague.getByRole('button', { name: 'Stop following Lena Learner' }).waitFor();
    await expectNoAxeViolations(colleague, 'person page');
    await screenshot(colleague, 'feed-person');

    // The learner is told, and reads the comment on the post's page.
    await learner.goto(`/orgs/${orgId}`);
    await learner.getByRole('link', { name: 'Notifications (1 unread)' }).click();
    await learner
      .getByRole('link', { name: 'Cleo Colleague commented on your post “Pivot tables group dates”' })
      .click();
    const own = learner.getByRole('article', { name: 'Pivot tables group dates' });
    await own.locator('.comment-body strong', { hasText: 'grouping by week' }).waitFor();
    await own.getByRole('button', { name: 'Insightful (1)' }).waitFor();
    await expectNoAxeViolations(learner, 'post page with a comment');
    await screenshot(learner, 'feed-post-page');

    // Search, from the box at the top of every page, finds the post though the word is misspelt.
    await learner.getByRole('searchbox', { name: 'Search Waymark' }).fill('spredsheet');
    await learner.keyboard.press('Enter');
    await learner.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    const results = learner
      .getByRole('list')
      .filter({ has: learner.getByRole('link', { name: 'Pivot tables group dates' }) });
    await results.getByText('Post by Lena Learner').waitFor();
    await expectNoAxeViolations(learner, 'search results');
    await screenshot(learner, 'feed-search');
    await learner.getByRole('link', { name: 'Pivot tables group dates' }).click();
    await learner.getByRole('article', { name: 'Pivot tables group dates' }).waitFor();
  });
});
