import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { type E2eEnv, learnerWithPlan, newPage, serverAndBrowser } from './support/session.js';

/*
 * The app's shell (issue 18): navigation grouped by role, a sidebar on wide screens and a bottom bar with a menu
 * on phones, the account menu with the colour theme, and the guide usable on a phone.
 */

const env = serverAndBrowser();

/** Someone who joins the organisation with `role`, through an invitation the owner sends; signed in. */
async function joinAs(env: E2eEnv, owner: Page, orgId: string, name: string, role: 'admin' | 'member') {
  const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`;
  const invited = await owner.request.post(`/api/orgs/${orgId}/invitations`, { data: { email, role } });
  expect(invited.status()).toBe(201);
  const token = ((await invited.json()).url as string).split('/invite/')[1];
  const { page } = await newPage(env);
  expect(
    (await page.request.post('/api/auth/sign-up', { data: { name, email, password: 'glad-to-help-you' } })).status(),
  ).toBe(201);
  expect((await page.request.post(`/api/invitations/${token}/accept`)).status()).toBeLessThan(300);
  await page.goto(`/orgs/${orgId}`);
  return page;
}

/** The groups of the main navigation, each with its entries' names, as a screen reader lists them. */
async function navGroups(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Home' }).waitFor();
  return nav.getByRole('list').evaluateAll((lists) =>
    lists.map((list) => {
      const label = document.getElementById(list.getAttribute('aria-labelledby') ?? '')?.textContent;
      return `${label}: ${[...list.querySelectorAll('a')].map((a) => a.querySelector('.nav-label')?.textContent).join(', ')}`;
    }),
  );
}

describe('the app shell', () => {
  it('groups the navigation as a learner, an L&D admin and an owner need it', async () => {
    const { page: owner, orgId } = await learnerWithPlan(env, 'Olga Owner', 'Shell Library', []);
    const admin = await joinAs(env, owner, orgId, 'Ada Admin', 'admin');
    const learner = await joinAs(env, owner, orgId, 'Lars Learner', 'member');

    const learning = 'My learning: Home, Plans, Log, Portfolio, Programmes';
    const organisation =
      'Organisation: Members, Invitations, Guide questions, Templates, Run programmes, Badges, Insights, Audit trail, API tokens';
    expect(await navGroups(learner)).toEqual([
      learning,
      'Together: Feed, Communities, Shared with me, Mentoring, Members',
    ]);
    // Single sign-on decides who gets in as whom: owners alone set it up.
    for (const [page, extra] of [
      [admin, ''],
      [owner, ', Single sign-on, Provisioning (SCIM)'],
    ] as const) {
      await page.goto(`/orgs/${orgId}`);
      expect(await navGroups(page)).toEqual([
        learning,
        'Together: Feed, Communities, Shared with me, Mentoring',
        `${organisation}${extra}`,
      ]);
    }
    // One organisation: no switcher. The account menu has the rest: profile, settings, theme, sign out.
    expect(await learner.getByRole('button', { name: /^Organisation:/ }).count()).toBe(0);
    await learner.getByRole('button', { name: 'Account: Lars Learner' }).click();
    const menu = learner.getByRole('menu');
    for (const item of ['Profile', 'Settings', 'Create an organisation', 'Sign out']) {
      await menu.getByRole('menuitem', { name: item }).waitFor();
    }
    await expectNoAxeViolations(learner, 'the account menu open');
    await learner.keyboard.press('Escape');

    // The page is marked in the sidebar; the plan's ten sections fit one row at 1280 px.
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await owner.getByRole('heading', { name: 'Your learning plans' }).waitFor();
    expect(await owner.locator('.nav-item.active .nav-label').textContent()).toBe('Plans');

    // In two organisations, a switcher names the one shown and moves to the other.
    await owner.goto('/orgs/new');
    await owner.getByLabel('Organisation name').fill('Second Library');
    await owner.getByRole('button', { name: 'Create organisation' }).click();
    await owner.getByRole('heading', { name: /^Hello, / }).waitFor();
    await owner.getByRole('button', { name: 'Organisation: Second Library' }).click();
    await owner.getByRole('menuitem', { name: 'Shell Library' }).click();
    await expect.poll(() => new URL(owner.url()).pathname).toBe(`/orgs/${orgId}`);
    await owner.getByRole('button', { name: 'Organisation: Shell Library' }).waitFor();
  });

  it('on a phone: a bottom bar, and a menu that works by keyboard and gives the focus back', async () => {
    const { page, orgId } = await learnerWithPlan(env, 'Pia Phone', 'Phone Shell Library', []);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/orgs/${orgId}`);
    const bar = page.getByRole('navigation', { name: 'Quick' });
    for (const name of ['Home', 'Plans', 'Feed']) await bar.getByRole('link', { name }).waitFor();
    await bar.getByRole('button', { name: 'Log learning' }).waitFor();
    // No sidebar on a phone: the main navigation is in the menu.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'home on a phone');

    const menuButton = bar.getByRole('button', { name: 'Menu' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Menu' });
    await dialog.waitFor();
    // The focus is inside the menu and moves through it by Tab, never leaving it for the page behind.
    const focusInMenu = () =>
      page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]') && document.activeElement?.textContent);
    await expect.poll(focusInMenu).not.toBe(false);
    const seen = new Set<string>();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      const where = await focusInMenu();
      expect(where, 'the focus left the open menu').not.toBe(false);
      seen.add(String(where));
    }
    for (const name of ['Log', 'Portfolio', 'Communities', 'Shared with me', 'Mentoring']) {
      expect(
        [...seen].some((text) => text.includes(name)),
        `${name} is reached by Tab`,
      ).toBe(true);
    }
    await expectNoAxeViolations(page, 'the phone menu open');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => menuButton.evaluate((b) => b === document.activeElement)).toBe(true);

    // Choosing a page in the menu goes there and closes it.
    await menuButton.click();
    await dialog.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it('keeps the theme chosen in the account menu across a reload, and dark pages pass axe', async () => {
    const { page, orgId, plan } = await learnerWithPlan(env, 'Dora Dark', 'Dark Library', ['Read more']);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    // By keyboard: open the account menu, move to "Dark", choose it.
    await page.getByRole('button', { name: 'Account: Dora Dark' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.getByRole('menuitemradio', { name: 'Dark' }).waitFor();
    for (
      let i = 0;
      i < 10 &&
      !(await page.getByRole('menuitemradio', { name: 'Dark' }).evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Dora Dark' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Dark before the page's own code ran: the background of the first paint is the dark one.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(13, 17, 23)',
    );
    for (const [name, url] of [
      ['home', `/orgs/${orgId}`],
      ['plan overview', `/orgs/${orgId}/plans/${plan.id}`],
      ['goals', `/orgs/${orgId}/plans/${plan.id}/goals`],
      ['log', `/orgs/${orgId}/log`],
      ['settings', '/settings'],
    ] as const) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, `${name} in the dark theme`);
    }
    // "As the system" follows the system: a dark system, dark; a light one, light.
    await page.getByRole('button', { name: 'Account: Dora Dark' }).click();
    await page.getByRole('menuitemradio', { name: 'As the system' }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('speaks of the L key only where there is a keyboard', async () => {
    const { page, orgId } = await learnerWithPlan(env, 'Tia Touch', 'Touch Library', []);
    const hint = () => page.getByText('or the L key').isVisible();
    await page.goto(`/orgs/${orgId}/log`);
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    // The hint is in the empty log's words, shown once the log has been read.
    await page.getByText('Nothing logged yet').waitFor();
    expect(await hint()).toBe(true);
    // A touch screen (no hover, a coarse pointer): the same page, in touch words only.
    const phone = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      storageState: await page.context().storageState(),
    });
    const touch = await phone.newPage();
    await touch.goto(`/orgs/${orgId}/log`);
    await touch.getByRole('heading', { name: 'Learning log' }).waitFor();
    await touch.getByText('Nothing logged yet').waitFor();
    expect(await touch.getByText('or the L key').isVisible()).toBe(false);
    expect(await touch.locator('main').innerText()).not.toMatch(/\bL key|press L/i);
    await touch.getByRole('navigation', { name: 'Quick' }).getByRole('button', { name: 'Log learning' }).click();
    await touch.getByRole('dialog', { name: 'Log what you learned' }).getByText('A sentence is enough.').waitFor();
    expect(await touch.getByRole('dialog').innerText()).not.toMatch(/Press L/);
    await phone.close();
  });

  it('gives the guide the whole width of a phone', async () => {
    const { page, orgId, plan } = await learnerWithPlan(env, 'Gus Guide', 'Guide Library', []);
    expect((await page.request.post(`/api/plans/${plan.id}/reflections`, { data: { what: 'A week' } })).status()).toBe(
      201,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/orgs/${orgId}/plans/${plan.id}/guide/1/0`);
    const field = page.getByLabel('What did you learn?');
    await field.waitFor();
    const card = await page.locator('.item-card').first().boundingBox();
    const input = await field.boundingBox();
    // Before: the card was 75 px wide beside "In this part", the field 36 px.
    expect(card?.width).toBeGreaterThan(320);
    expect(input?.width).toBeGreaterThan(280);
    // "In this part" comes after the items, as wide as they are.
    const aside = await page.getByRole('complementary', { name: /Part 1: done and left/ }).boundingBox();
    expect(aside?.y).toBeGreaterThan((card?.y ?? 0) + (card?.height ?? 0) - 1);
    expect(aside?.width).toBeGreaterThan(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await expectNoAxeViolations(page, 'the guide on a phone');

    // Wide, the two sit side by side again.
    await page.setViewportSize({ width: 1280, height: 900 });
    const wideCard = await page.locator('.item-card').first().boundingBox();
    const wideAside = await page.getByRole('complementary', { name: /Part 1: done and left/ }).boundingBox();
    expect(wideAside?.x).toBeGreaterThan((wideCard?.x ?? 0) + (wideCard?.width ?? 0));
    expect(wideCard?.width).toBeGreaterThan(500);
  });
});
