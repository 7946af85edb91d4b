import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { txtRecords } from '../src/test/app.js';
import { startSamlIdp, type TestSamlIdp } from '../src/test/saml-idp.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * SAML 2.0 single sign-on in Chromium, SP-initiated, against the test identity provider (its own sign-in page,
 * which posts the signed response to our ACS from another site: `localhost` against Waymark's 127.0.0.1). The
 * owner chooses SAML on the Single sign-on page, uploads the provider's metadata, sees what was read and what to
 * give the provider, and verifies a domain; a colleague signs in with their organisation and joins; an address
 * outside the verified domains ends on the page that says why. axe at 1280 and 390 px.
 */

const dns = new Map<string, string[][]>();
const env = serverAndBrowser({ SSO_ALLOW_INSECURE_ISSUERS: 'true' }, { dns: txtRecords(dns) });
let idp: TestSamlIdp;
beforeAll(async () => {
  idp = await startSamlIdp('localhost');
});
afterAll(() => idp?.close());

/** From the sign-in page through the provider's page, as `email`; where it ends is the test's to check. */
async function signInWithOrganisation(page: Page, workEmail: string, atProvider = workEmail) {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await page.getByLabel('Work e-mail address').fill(workEmail);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.ssoUrl));
  await page.getByLabel('E-mail').fill(atProvider);
  await page.getByRole('button', { name: 'Sign in at the IdP' }).click();
}

describe('single sign-on with SAML 2.0', () => {
  it('is set up by the owner from uploaded metadata, signs a colleague in (joining), and refuses a foreign address', async () => {
    const { page: owner } = await signUpWithOrganisation(env, 'Sade Owner', 'Baobab Archive');
    const orgId = (await (await owner.request.get('/api/me')).json()).memberships[0].organizationId as string;
    await owner.getByRole('link', { name: 'Single sign-on' }).click();
    await owner.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    await owner.getByRole('radio', { name: 'SAML 2.0' }).check();
    await owner.getByRole('heading', { name: 'SAML 2.0 identity provider' }).waitFor();
    await owner.getByRole('radio', { name: 'Paste or upload the XML' }).check();
    await owner.getByLabel('Metadata file').setInputFiles({
      name: 'idp-metadata.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(idp.metadataXml),
    });
    await owner.getByRole('button', { name: 'Read the metadata' }).click();
    await owner.getByText('Waymark read:').waitFor();
    const read = await owner.getByRole('status').filter({ hasText: 'Waymark read:' }).textContent();
    expect(read).toContain(idp.entityId);
    expect(read).toContain('CN=Waymark test IdP');
    await owner.getByRole('button', { name: 'Save', exact: true }).click();
    await owner.getByText(/^Saved\. Give your provider the addresses above/).waitFor();
    const settings = await (await owner.request.get(`/api/orgs/${orgId}/sso`)).json();
    const sp = settings.saml.serviceProvider as { acsUrl: string; entityId: string };
    expect(sp.acsUrl).toBe(`${env.server.baseUrl}/api/sso/saml/${sp.acsUrl.split('/').at(-2)}/acs`);
    expect(await owner.getByRole('textbox', { name: 'Assertion consumer service (ACS) URL' }).inputValue()).toBe(
      sp.acsUrl,
    );
    await owner.getByRole('button', { name: 'Copy the ACS URL' }).waitFor();
    // The other protocol cannot be chosen while SAML is set up.
    expect(await owner.getByRole('radio', { name: 'OpenID Connect' }).isDisabled()).toBe(true);

    const domain = `baobab-${randomUUID().slice(0, 8)}.test`;
    await owner.getByLabel('Domain to claim').fill(domain);
    await owner.getByRole('button', { name: 'Claim the domain' }).click();
    await owner.getByRole('heading', { name: domain }).waitFor();
    const claimed = await (await owner.request.get(`/api/orgs/${orgId}/sso`)).json();
    dns.set(`_waymark.${domain}`, [[claimed.domains[0].txtValue]]);
    await owner.getByRole('button', { name: `Verify ${domain}` }).click();
    await owner.getByText(/^Verified on /).waitFor();
    await expectNoAxeViolations(owner, 'SAML single sign-on settings');
    await screenshot(owner, 'single-sign-on-saml-1280');
    await owner.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(owner, 'SAML single sign-on settings at 390 px');

    // A colleague's first sign-in: to the provider, back through the ACS (cross-site POST) and the finish step.
    const kofi = `kofi@${domain}`;
    const { page } = await newPage(env);
    await signInWithOrganisation(page, kofi);
    await page.getByRole('heading', { name: 'Hello, Sam Lee' }).waitFor();
    expect(page.url()).toBe(`${env.server.baseUrl}/orgs/${orgId}`);
    const me = await (await page.request.get('/api/me')).json();
    expect(me.user.email).toBe(kofi);
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId: orgId, role: 'member' })]);

    // The provider vouches for an address outside the verified domains: refused, with the reason.
    const { page: other } = await newPage(env);
    await signInWithOrganisation(other, `ama@${domain}`, 'ama@elsewhere.test');
    await other.getByRole('heading', { name: 'You are not signed in' }).waitFor();
    expect(await other.getByRole('alert').textContent()).toMatch(/outside the domains your organisation has verified/);
    expect((await other.request.get('/api/me')).status()).toBe(401);
    await expectNoAxeViolations(other, 'SAML single sign-on refused');
    await other.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(other, 'SAML single sign-on refused at 390 px');

    const audit = await (await owner.request.get(`/api/orgs/${orgId}/audit`)).json();
    const actions = (audit.events as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['sso.configured', 'sso.joined', 'sso.signed_in', 'sso.sign_in_failed']),
    );
  });
});
