import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { txtRecords } from '../src/test/app.js';
import { addMember, createUser } from '../src/test/factories.js';
import { startTestIdp, type TestIdp } from '../src/test/oidc-idp.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fromAccountMenu, newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Single sign-on in Chromium against a real OpenID Connect provider (oidc-provider, its own login form): the
 * owner sets it up on the Single sign-on page and verifies a domain; a colleague signs in with their
 * organisation, joins by doing so, and signs out (of the provider too: RP-initiated logout); "require SSO"
 * turns a password sign-in away with the way in; a wrong state, a replayed code, an expired token and a token
 * for another client each end on a page that says why, signed out. axe at 1280 and 390 px.
 */

const dns = new Map<string, string[][]>();
const env = serverAndBrowser({ SSO_ALLOW_INSECURE_ISSUERS: 'true' }, { dns: txtRecords(dns) });
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp([`${env.server.baseUrl}/api/sso/oidc/callback`]);
});
afterAll(() => idp?.close());

/** From the sign-in page through the provider's own form; where it ends is the test's to check. */
async function signInWithOrganisation(page: Page, email: string) {
  // A refused sign-in leaves the provider's own session (it would sign in without asking): forget it.
  await page.context().clearCookies({ name: /^_(session|interaction)/ });
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await page.getByRole('heading', { name: 'Sign in with your organisation' }).waitFor();
  await page.getByLabel('Work e-mail address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  // The provider's page: the login is filled in from the address (login_hint).
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  expect(await page.locator('input[name=login]').inputValue()).toBe(email);
  await page.locator('input[name=password]').fill('at-the-provider');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** Signing out of a session that began at the provider ends the provider's session too, then comes back. */
async function signOutEverywhere(page: Page) {
  await fromAccountMenu(page, 'Sign out');
  await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Waymark' }).waitFor();
  expect(page.url()).toBe(`${env.server.baseUrl}/sign-in`);
}

async function expectRefused(page: Page, words: RegExp) {
  await page.getByRole('heading', { name: 'You are not signed in' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(words);
  expect((await page.request.get('/api/me')).status()).toBe(401);
}

describe('single sign-on with OpenID Connect', () => {
  it('is set up by the owner, signs a colleague in (joining), refuses their password, and refuses tampering', async () => {
    // The owner sets up the provider and claims a domain on the Single sign-on page.
    const { page: owner } = await signUpWithOrganisation(env, 'Olu Owner', 'Acme Library');
    const orgId = (await (await owner.request.get('/api/me')).json()).memberships[0].organizationId as string;
    await owner.getByRole('link', { name: 'Single sign-on' }).click();
    await owner.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    await owner.getByLabel('Issuer URL').fill(idp.issuer);
    await owner.getByRole('button', { name: 'Test the connection' }).click();
    await owner.getByText('The provider answered. It says:').waitFor();
    expect(await owner.getByRole('status').filter({ hasText: 'answered' }).textContent()).toContain('S256 supported');
    await owner.getByLabel('Client id').fill(idp.clientId);
    await owner.getByLabel('Client secret').fill(idp.clientSecret);
    await owner.getByRole('switch', { name: /Require single sign-on/ }).check();
    await owner.getByRole('button', { name: 'Save', exact: true }).click();
    await owner.getByText(/^Saved\. People of your verified domains/).waitFor();
    expect(await owner.getByLabel('Client secret').inputValue()).toBe('');
    await owner.getByText('Saved, and never shown again.', { exact: false }).waitFor();

    const domain = `acme-${randomUUID().slice(0, 8)}.test`;
    await owner.getByLabel('Domain to claim').fill(domain);
    await owner.getByRole('button', { name: 'Claim the domain' }).click();
    await owner.getByRole('heading', { name: domain }).waitFor();
    await owner.getByRole('button', { name: `Verify ${domain}` }).click();
    await owner.getByText(`There is no TXT record at _waymark.${domain} yet.`, { exact: false }).waitFor();
    const settings = await (await owner.request.get(`/api/orgs/${orgId}/sso`)).json();
    dns.set(`_waymark.${domain}`, [[settings.domains[0].txtValue]]);
    await owner.getByRole('button', { name: `Verify ${domain}` }).click();
    await owner.getByText(/^Verified on /).waitFor();
    await expectNoAxeViolations(owner, 'single sign-on settings');
    await screenshot(owner, 'single-sign-on-1280');
    await owner.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(owner, 'single sign-on settings at 390 px');
    await screenshot(owner, 'single-sign-on-390');

    // A colleague signs in with the organisation for the first time: they join it, then sign out.
    const ada = `ada@${domain}`;
    idp.names.set(ada, 'Ada Lovelace');
    const { page } = await newPage(env);
    await signInWithOrganisation(page, ada);
    await page.getByRole('heading', { name: 'Hello, Ada Lovelace' }).waitFor();
    expect(page.url()).toBe(`${env.server.baseUrl}/orgs/${orgId}`);
    const me = await (await page.request.get('/api/me')).json();
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId: orgId, role: 'member' })]);
    await signOutEverywhere(page);
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await expectNoAxeViolations(page, 'sign-in with the way to single sign-on');

    // Require SSO: a member of the domain with a password is told how to sign in instead.
    const grace = await createUser(env.server.ctx.db, { email: `grace@${domain}`, name: 'Grace Hopper' });
    await addMember(env.server.ctx.db, { id: orgId } as Parameters<typeof addMember>[1], { user: grace });
    await page.getByLabel('E-mail address').fill(grace.email);
    await page.getByLabel('Password').fill(grace.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Acme Library signs in people with' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('choose "Sign in with your organisation"');
    await page.getByText('This address signs in with single sign-on.').waitFor();

    // A wrong state.
    idp.tamperNextAnswer((url) => url.searchParams.set('state', 'forged-state'));
    await signInWithOrganisation(page, ada);
    await expectRefused(page, /does not belong to the sign-in this browser started/);
    await expectNoAxeViolations(page, 'single sign-on refused');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'single sign-on refused at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A replayed code: the one of a finished sign-in, carried back with a new sign-in's state.
    await signInWithOrganisation(page, ada);
    await page.getByRole('heading', { name: 'Hello, Ada Lovelace' }).waitFor();
    await signOutEverywhere(page);
    const spentCode = idp.lastAnswer()?.searchParams.get('code') ?? '';
    expect(spentCode).not.toBe('');
    idp.tamperNextAnswer((url) => url.searchParams.set('code', spentCode));
    await signInWithOrganisation(page, ada);
    await expectRefused(page, /refused to finish the sign-in: its code was used already or has expired/);

    // An expired ID token, and one made for another client.
    const now = Math.floor(Date.now() / 1000);
    idp.tamperNextIdToken((claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 }));
    await signInWithOrganisation(page, ada);
    await expectRefused(page, /identity token .* has expired/);
    idp.tamperNextIdToken((claims) => ({ ...claims, aud: 'another-application' }));
    await signInWithOrganisation(page, ada);
    await expectRefused(page, /was made for another application/);

    // The owner reads it all in the audit trail.
    const audit = await (await owner.request.get(`/api/orgs/${orgId}/audit`)).json();
    const actions = (audit.events as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sso.configured',
        'sso.domain_claimed',
        'sso.domain_verified',
        'sso.joined',
        'sso.signed_in',
        'sso.sign_in_failed',
        'auth.password_refused_sso',
      ]),
    );
  });
});
