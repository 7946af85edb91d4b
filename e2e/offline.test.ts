import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Installable, and quick capture without a connection (docs/decisions/2026-12-05-offline-quick-capture.md):
 * what is captured offline is kept on the device, shows as waiting to sync, and arrives once when the
 * connection returns, even across a reload made offline (the service worker opens the app).
 */

const env = serverAndBrowser();

async function capture(page: Page, what: string) {
  await page.getByRole('button', { name: 'Log learning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
  await dialog.getByLabel('What I learned').fill(what);
  await dialog.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Kept on this device: it will be sent when you are back online.').waitFor();
}

async function logOf(page: Page, orgId: string) {
  const res = await page.request.get(`/api/log?orgId=${orgId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()).entries as { what: string }[]).map((e) => e.what).sort();
}

const waiting = (page: Page) => page.getByRole('list', { name: 'Entries waiting to sync' }).getByRole('listitem');
const entries = (page: Page) => page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');

describe('offline quick capture', () => {
  it('keeps captures made offline, opens again offline, and sends each once when back online', async () => {
    const { context, page } = await signUpWithOrganisation(env, 'Oona Offline', 'Offline Library', {
      serviceWorkers: 'allow',
    });
    // Installable: the page names its manifest, whose icons are there.
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', short_name: 'Waymark' });
    for (const icon of manifest.icons as { src: string }[]) {
      expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    }
    // The worker installs after the page has loaded, and takes the page over.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''), { timeout: 30_000 })
      .toMatch(/\/sw\.js$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    const orgId = new URL(page.url()).pathname.split('/')[2] as string;

    await context.setOffline(true);
    await capture(page, 'Offline: the reading room has no signal');
    await capture(page, 'Offline: cataloguing by hand still works');
    await expect.poll(() => waiting(page).count()).toBe(2);

    // A reload without a connection: the service worker opens the app, the device still has both.
    await page.reload();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await expect.poll(() => waiting(page).count()).toBe(2);
    for (const item of await waiting(page).all()) expect(await item.textContent()).toContain('Waiting to sync');
    await expectNoAxeViolations(page, 'log, offline, two entries waiting to sync');
    await screenshot(page, 'offline-waiting-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'log at 390 px, offline, two entries waiting to sync');
    await screenshot(page, 'offline-waiting-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await logOf(page, orgId)).toEqual([]); // nothing reached the server yet

    // Back online: both arrive, once, and the log shows them as any other entry.
    await context.setOffline(false);
    await expect.poll(() => waiting(page).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => entries(page).count(), { timeout: 15_000 }).toBe(2);
    const both = ['Offline: cataloguing by hand still works', 'Offline: the reading room has no signal'];
    expect(await logOf(page, orgId)).toEqual(both);
    await page.reload();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await expect.poll(() => entries(page).count()).toBe(2);
    expect(await waiting(page).count()).toBe(0);
    expect(await logOf(page, orgId)).toEqual(both);

    // The worker kept the app's files only: no answer of the API, which holds the person's data.
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(kept).toContain('/index.html');
    expect(kept.filter((url) => url.startsWith('/api/'))).toEqual([]);
    await context.close();
  });

  it('sends a capture whose answer was lost only once, and lets a refused one be corrected', async () => {
    const { context, page } = await signUpWithOrganisation(env, 'Lior Lost', 'Lost Answers Library');
    const me = await (await page.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    await page.goto(`/orgs/${orgId}/log`);
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();

    // The server makes the entry, but its answer never reaches the page.
    await page.route('**/api/log', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await capture(page, 'Answer lost on the way');
    await page.unroute('**/api/log');
    // Kept, then sent again with the same key as soon as it can be: the server answers the entry it made.
    await expect.poll(() => entries(page).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => waiting(page).count()).toBe(0);
    expect(await logOf(page, orgId)).toEqual(['Answer lost on the way']);

    // Captured offline for a goal that is deleted before the connection returns: refused, with the reason.
    const plan = await (
      await page.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Growing' } })
    ).json();
    const goal = await (
      await page.request.post(`/api/plans/${plan.id}/goals`, { data: { what: 'Catalogue rare books' } })
    ).json();
    await page.reload();
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Log learning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log what you learned' });
    await dialog.getByLabel('What I learned').fill('Vellum needs gloves');
    await dialog.getByLabel('For goal').selectOption({ label: 'Catalogue rare books (2027)' });
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => waiting(page).count()).toBe(1);
    const removed = await page.request.delete(`/api/plans/${plan.id}/goals/${goal.id}`, {
      headers: { 'if-match': String(goal.version) },
    });
    expect(removed.status()).toBeLessThan(300);
    await context.setOffline(false);
    await waiting(page).getByText('Not accepted').waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(page, 'log with a refused capture');
    await page.getByRole('button', { name: /^Correct the entry/ }).click();
    await page.getByRole('list', { name: 'Entries waiting to sync' }).getByLabel('For goal').selectOption('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => waiting(page).count(), { timeout: 15_000 }).toBe(0);
    expect(await logOf(page, orgId)).toEqual(['Answer lost on the way', 'Vellum needs gloves']);
    await context.close();
  });
});
