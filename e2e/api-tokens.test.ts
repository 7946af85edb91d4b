import { request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fromAccountMenu, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * API tokens as people make them: a learner makes a personal token in Settings, copies its secret (shown once),
 * a program uses it (a request context with no cookie), and revoking it stops the program; an owner makes an
 * organisation token on its page and sees it in the audit log. axe at 1280 and 390 px.
 */

const env = serverAndBrowser();

async function program(secret: string) {
  return request.newContext({ baseURL: env.server.baseUrl, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

describe('API tokens', () => {
  it('are made in settings, used by a program, and stop when revoked; an organisation’s are audited', async () => {
    const { page } = await signUpWithOrganisation(env, 'Tara Token');
    await fromAccountMenu(page, 'Settings');
    const section = page.getByRole('region', { name: 'API tokens' });
    await section.getByRole('button', { name: 'Make the token' }).click();
    await section.getByText('Name the token after what uses it.').waitFor();
    await section.getByLabel('Name', { exact: true }).fill('Notes sync');
    await section.getByRole('checkbox', { name: /Read your name, e-mail and organisations/ }).check();
    await section.getByRole('button', { name: 'Make the token' }).click();
    const secretField = section.getByLabel('The secret of “Notes sync”');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^wmp_/);
    await expectNoAxeViolations(page, 'settings with a new token');

    const sync = await program(secret);
    const me = await sync.get('/api/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user.name).toBe('Tara Token');
    expect((await sync.get('/api/plans')).status()).toBe(403);

    await page.reload();
    const row = section.getByRole('row').filter({ hasText: 'Notes sync' });
    await expect.poll(() => row.textContent()).toContain('127.0.0.1');
    expect(await section.getByLabel(/The secret of/).count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke Notes sync' }).click();
    await page.getByRole('button', { name: 'Revoke the token' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect((await sync.get('/api/me')).status()).toBe(401);
    await sync.dispose();

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('HR dashboard');
    await page.getByRole('checkbox', { name: /members/ }).check();
    await page.getByRole('button', { name: 'Make the token' }).click();
    const orgSecret = await page.getByLabel('The secret of “HR dashboard”').inputValue();
    expect(orgSecret).toMatch(/^wmo_/);
    await expectNoAxeViolations(page, 'organisation tokens');
    const hr = await program(orgSecret);
    const orgId = (await (await page.request.get('/api/me')).json()).memberships[0].organizationId;
    expect((await hr.get(`/api/orgs/${orgId}/members`)).status()).toBe(200);
    await hr.dispose();
    await screenshot(page, 'api-tokens-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'organisation tokens at 390 px');

    await page.goto(`/orgs/${orgId}/audit`);
    const table = page.getByRole('table', { name: 'Events, newest first' });
    await expect.poll(() => table.textContent()).toContain('Made an API token');
    expect(await table.textContent()).toContain('Revoked an API token');
  });
});
