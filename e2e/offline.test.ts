import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fromAccountMenu, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

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

/** The captures kept in this browser's IndexedDB, whoever made them. */
const keptOnDevice = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ what: string; userId: string; refused: boolean }[]>((resolve, reject) => {
        const open = indexedDB.open('waymark-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('captures').objectStore('captures').getAll();
          all.onsuccess = () =>
            resolve(all.result.map((c) => ({ what: c.body.what, userId: c.userId, refused: !!c.refused })));
        };
      }),
  );

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

    // Chromium itself finds nothing missing to install the app (manifest, icons, a worker that serves offline),
    // but that a test's browser context is a private one, where nothing installs.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
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
    await expect.poll(() => waiting(page).count(), { timeout: 45_000 }).toBe(0);
    await expect.poll(() => entries(page).count(), { timeout: 30_000 }).toBe(2);
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
    await expect.poll(() => entries(page).count(), { timeout: 30_000 }).toBe(1);
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
    await waiting(page).getByText('Not accepted').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page, 'log with a refused capture');
    await screenshot(page, 'offline-refused-1280');
    await page.getByRole('button', { name: /^Correct the entry/ }).click();
    await page.getByRole('list', { name: 'Entries waiting to sync' }).getByLabel('For goal').selectOption('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => waiting(page).count(), { timeout: 30_000 }).toBe(0);
    expect(await logOf(page, orgId)).toEqual(['Answer lost on the way', 'Vellum needs gloves']);
    await context.close();
  });

  it('keeps each person’s captures to them: never sent as someone else, and gone from the device at sign-out', async () => {
    // Two people share one device (one browser context, so one IndexedDB).
    const other = await signUpWithOrganisation(env, 'Bea Borrower', 'Borrowed Device Library');
    const bea = (await (await other.page.request.get('/api/me')).json()).user.email as string;
    await other.context.close();
    const { context, page } = await signUpWithOrganisation(env, 'Ada Owner', 'Shared Device Library');
    const adaMe = await (await page.request.get('/api/me')).json();
    const adaOrg = adaMe.memberships[0].organizationId as string;
    await page.goto(`/orgs/${adaOrg}/log`);
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();

    // Ada's capture cannot reach the server, so it is kept for her.
    await page.route('**/api/log', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await capture(page, 'Ada’s private note');
    await expect.poll(() => waiting(page).count()).toBe(1);

    // Her session ends without signing out; Bea signs in on the same device, and the server can be reached again.
    await context.clearCookies();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(bea);
    await page.getByLabel('Password').fill('learning-out-loud');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await page.unroute('**/api/log');
    const beaOrg = (await (await page.request.get('/api/me')).json()).memberships[0].organizationId as string;
    await page.goto(`/orgs/${beaOrg}/log`);
    await page.getByRole('heading', { name: 'Learning log' }).waitFor();
    await page.getByText('Nothing logged yet').waitFor();
    expect(await waiting(page).count()).toBe(0);
    // Bea logs something of her own (the page sent what it would send for her when it opened, long before).
    await page.getByRole('button', { name: 'Log learning' }).click();
    await page.getByLabel('What I learned').fill('Bea’s own note');
    await page.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Logged: Bea’s own note').waitFor();
    expect(await logOf(page, beaOrg)).toEqual(['Bea’s own note']);
    // Ada's capture is still on the device, waiting for her: not sent (nor refused) as Bea's.
    expect(await keptOnDevice(page)).toEqual([{ what: 'Ada’s private note', userId: adaMe.user.id, refused: false }]);

    // Ada again: her capture is sent as hers.
    await fromAccountMenu(page, 'Sign out');
    await page.getByRole('heading', { name: 'Sign in to Waymark' }).waitFor();
    await page.getByLabel('E-mail address').fill(adaMe.user.email);
    await page.getByLabel('Password').fill('learning-out-loud');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await expect.poll(() => logOf(page, adaOrg), { timeout: 30_000 }).toEqual(['Ada’s private note']);
    expect(await logOf(page, beaOrg).catch(() => [])).toEqual([]);

    // Signing out with a capture still waiting asks first; then nothing of Ada stays on the device.
    await page.goto(`/orgs/${adaOrg}/log`);
    await page.route('**/api/log', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await capture(page, 'Another note of Ada’s');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await fromAccountMenu(page, 'Sign out');
    await expect
      .poll(() => asked)
      .toEqual([
        'One entry you logged has not reached Waymark yet. Signing out removes it from this device. Sign out anyway?',
      ]);
    expect(await waiting(page).count()).toBe(1); // still signed in, still kept
    page.once('dialog', (d) => void d.accept());
    await fromAccountMenu(page, 'Sign out');
    await page.getByRole('heading', { name: 'Sign in to Waymark' }).waitFor();
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('waymark-device');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['captures', 'identity'], 'readonly');
            const captures = tx.objectStore('captures').count();
            const identity = tx.objectStore('identity').count();
            tx.oncomplete = () => resolve(captures.result + identity.result);
          };
        }),
    );
    expect(left).toBe(0);
    await context.close();
  });
});
