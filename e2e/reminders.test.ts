import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../src/features/notifications/notify.js';
import { unsubscribeToken } from '../src/features/settings/unsubscribe-token.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { type E2eEnv, fromAccountMenu, serverAndBrowser } from './support/session.js';

/*
 * The learner's settings for reminders, the notifications page and the unsubscribe link of a reminder
 * e-mail, as a person uses them. The browser says it is in Helsinki, so "use this browser's time zone"
 * has something to offer.
 */

const env = serverAndBrowser();

/** A new person signed up through the pages, with an organisation, in a browser set to Helsinki time. */
async function learner(env: E2eEnv, name: string) {
  const context = await env.browser.newContext({
    baseURL: env.server.baseUrl,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Europe/Helsinki',
  });
  const page = await context.newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(`${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('learning-out-loud');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Organisation name').fill(`${name}'s Library`);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  const me = (await (await page.request.get('/api/me')).json()) as {
    user: { id: string };
    memberships: { organizationId: string }[];
  };
  return { context, page, userId: me.user.id, orgId: me.memberships[0]?.organizationId as string };
}

describe('reminders', () => {
  it('settings: time zone, check-in rhythm and reminder e-mails are saved and survive a reload', async () => {
    const { page } = await learner(env, 'Tui Settings');
    await fromAccountMenu(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'settings');

    const zone = page.getByLabel('Time zone');
    expect(await zone.inputValue()).toBe('UTC');
    await page.getByRole('button', { name: 'Use this browser’s time zone (Europe/Helsinki)' }).click();
    expect(await zone.inputValue()).toBe('Europe/Helsinki');
    await zone.selectOption('Pacific/Auckland');
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByRole('checkbox', { name: 'E-mail me when a sharing commitment falls behind' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Your settings are saved.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expect.poll(() => zone.inputValue()).toBe('Pacific/Auckland');
    expect(await page.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
    expect(
      await page.getByRole('checkbox', { name: 'E-mail me when a sharing commitment falls behind' }).isChecked(),
    ).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'E-mail me when a check-in is due' }).isChecked()).toBe(true);
    await screenshot(page, 'settings');

    // Changed meanwhile in another tab: saving says so and shows what is stored now.
    await page.request.patch('/api/settings', { data: { checkinCadence: 'monthly' } });
    await page.getByRole('radio', { name: 'Daily' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').getByText('Your settings were changed elsewhere').waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Monthly' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'settings with an error');
  });

  it('notifications: unread count in the header, mark one read, mark all read, open the item', async () => {
    const { page, userId, orgId } = await learner(env, 'Ari Notified');
    const remind = (n: number, link: string) =>
      deliverNotification(env.server.ctx, {
        userId,
        organizationId: orgId,
        kind: 'target_near',
        title: `Target date in ${n} days: “Goal ${n}”`,
        body: `Your goal “Goal ${n}” has its target date in ${n} days.`,
        link,
        dedupeKey: `e2e:${n}`,
      });
    await remind(3, `/orgs/${orgId}/log`);
    await remind(5, `/orgs/${orgId}/plans`);
    await page.reload();
    // The bell in the app's bar, its count read out in words.
    const link = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
    const bell = () => link.getAttribute('aria-label');
    await expect.poll(bell).toBe('Notifications (2 unread)');
    expect(await link.locator('.bell-count').textContent()).toBe('2');
    await link.click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText('2 unread.').waitFor();
    await expectNoAxeViolations(page, 'notifications');
    await screenshot(page, 'notifications');

    const items = page.locator('.notification');
    // Newest first, each saying in words whether it was read.
    expect(await items.nth(0).innerText()).toMatch(/^Unread[\s\S]*Goal 5/);
    await page.getByRole('button', { name: 'Mark as read: Target date in 5 days: “Goal 5”' }).click();
    await expect.poll(() => items.nth(0).innerText()).toMatch(/^Read\b/);
    await expect.poll(bell).toBe('Notifications (1 unread)');

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('You have read all your notifications.').waitFor();
    await expect.poll(bell).toBe('Notifications');
    expect(await link.locator('.bell-count').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Mark as read/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Target date in 3 days: “Goal 3”' }).click();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
  });

  it('unsubscribe: the link from an e-mail turns that kind off without signing in', async () => {
    const { page, userId } = await learner(env, 'Mere Unsub');
    const token = unsubscribeToken(env.server.ctx.authSecret, userId, 'checkin_due');
    const signedOut = await env.browser.newContext({ baseURL: env.server.baseUrl });
    const anon = await signedOut.newPage();
    await anon.goto(`/unsubscribe?token=${token}`);
    await anon.getByText('Stop e-mails when a check-in is due?').waitFor();
    await expectNoAxeViolations(anon, 'unsubscribe');
    await anon.getByRole('button', { name: 'Unsubscribe' }).click();
    await anon.getByText('Done: you will no longer get e-mails when a check-in is due.').waitFor();
    await expectNoAxeViolations(anon, 'unsubscribed');
    await screenshot(anon, 'unsubscribe');

    await anon.goto(`/unsubscribe?token=${token.slice(0, -3)}xyz`);
    await anon.getByRole('alert').getByText('This unsubscribe link was not found.').waitFor();
    await expectNoAxeViolations(anon, 'unsubscribe with a forged link');
    await signedOut.close();

    await page.goto('/settings');
    const box = page.getByRole('checkbox', { name: 'E-mail me when a check-in is due' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
  });
});
