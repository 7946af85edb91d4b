import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { colleagueJoins, newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Badges: an admin defines an achievement and awards it to three people; a learner finds it in the portfolio,
 * downloads the credential and opens its public page signed out, where it is verified; the admin revokes it and
 * the page says revoked. Every page is checked with axe, at 1280 and 390 px.
 */

const env = serverAndBrowser();

describe('badges', () => {
  it('are defined, awarded, verified in public and revoked', async () => {
    const { page } = await signUpWithOrganisation(env, 'Bea Badger', 'Badge Library');
    const me = await (await page.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    await colleagueJoins(env, page, orgId, 'Cal Colleague');
    await colleagueJoins(env, page, orgId, 'Dee Colleague');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Badges' }).click();
    await page.getByRole('heading', { name: 'Badges', level: 1 }).waitFor();
    await page.getByText('No achievements yet: define the first.').waitFor();
    await expectNoAxeViolations(page, 'badges (empty)');

    await page.getByLabel('Name', { exact: true }).fill('Data storyteller');
    await page.getByLabel('Description').fill('Tells a story with data that changes a decision.');
    await page.getByLabel('Criteria: what earns it').fill('Presented an analysis that a team acted on.');
    await page.getByLabel('Skills and tags (optional)').fill('data, storytelling');
    await page.getByRole('button', { name: 'Define the achievement' }).click();
    const card = page.getByRole('article', { name: 'Data storyteller' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Award and revoke Data storyteller' }).click();
    for (const name of ['Bea Badger', 'Cal Colleague', 'Dee Colleague'])
      await page.getByRole('checkbox', { name, exact: true }).check();
    await page.getByLabel('Why it is awarded').fill('The quarterly review story');
    await page.getByRole('button', { name: 'Award', exact: true }).click();
    await page.getByText('Awarded to 3 people.').waitFor();
    await card.getByText('Awarded 3 times').waitFor();
    await expectNoAxeViolations(page, 'badges with awards');
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoAxeViolations(page, 'badges with awards at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The learner (here the owner, who awarded themself too) finds it in the portfolio.
    await nav.getByRole('link', { name: 'Portfolio' }).click();
    const badge = page.getByRole('article', { name: 'Data storyteller' });
    await badge.waitFor();
    const download = await page.request.get(
      (await badge.getByRole('link', { name: /Download the credential .*\(JSON\)/ }).getAttribute('href')) as string,
    );
    const credential = await download.json();
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.credentialSubject.identifier[0].identityHash).toBe('Bea Badger');
    // The baked PNG: a PNG whose iTXt chunk "openbadgecredential" holds the same signed credential.
    const bakedHref = (await badge
      .getByRole('link', { name: /Download the badge .*\(PNG\)/ })
      .getAttribute('href')) as string;
    const bakedPng = Buffer.from(await (await page.request.get(bakedHref)).body());
    expect(bakedPng.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bakedPng.includes(Buffer.from('openbadgecredential\0'))).toBe(true);
    const linkedIn = new URL(
      (await badge.getByRole('link', { name: /Add to LinkedIn profile/ }).getAttribute('href')) as string,
    );
    expect(linkedIn.searchParams.get('name')).toBe('Data storyteller');
    expect(await badge.getByRole('link', { name: /Add to LinkedIn profile/ }).getAttribute('target')).toBe('_blank');
    await expectNoAxeViolations(page, 'portfolio with a badge');
    const verificationUrl = (await badge
      .getByRole('link', { name: /Verification page/ })
      .getAttribute('href')) as string;

    // Someone signed out opens the link the learner shares.
    for (const width of [1280, 390]) {
      const { page: visitor, context } = await newPage(env, width);
      await visitor.goto(verificationUrl);
      await visitor.getByRole('heading', { name: 'Data storyteller', level: 1 }).waitFor();
      await visitor.getByText('Verified.').waitFor();
      await visitor.getByText('Awarded to Bea Badger by Badge Library', { exact: false }).waitFor();
      await visitor.getByText('The signature (eddsa-rdfc-2022) is valid').waitFor();
      await expectNoAxeViolations(visitor, `verification page at ${width} px`);
      await context.close();
    }

    // Someone signed out verifies the baked image on the public "Verify a badge" page.
    for (const width of [1280, 390]) {
      const { page: visitor, context } = await newPage(env, width);
      await visitor.goto('/credentials/verify');
      await visitor.getByRole('heading', { name: 'Verify a badge', level: 1 }).waitFor();
      await expectNoAxeViolations(visitor, `verify a badge at ${width} px`);
      await visitor
        .getByLabel('Badge image or credential')
        .setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: bakedPng });
      await visitor.getByRole('button', { name: 'Verify the file' }).click();
      await visitor.getByRole('heading', { name: 'Data storyteller (from the PNG image)' }).waitFor();
      await visitor.getByText('Verified.').waitFor();
      await visitor.getByText('The signature (eddsa-rdfc-2022) is valid').waitFor();
      await expectNoAxeViolations(visitor, `verify a badge, verified, at ${width} px`);
      await context.close();
    }

    // The VC-JWT the learner downloads, pasted on the same page, verifies too.
    const jwtHref = (await badge.getByRole('link', { name: /\(VC-JWT\)/ }).getAttribute('href')) as string;
    const jwt = await (await page.request.get(jwtHref)).text();
    {
      const { page: visitor, context } = await newPage(env);
      await visitor.goto('/credentials/verify');
      await visitor.getByLabel('The credential (JSON or VC-JWT)').fill(jwt);
      await visitor.getByRole('button', { name: 'Verify what I pasted' }).click();
      await visitor.getByRole('heading', { name: 'Data storyteller (from the VC-JWT)' }).waitFor();
      await visitor.getByText("Its JWT's signature (EdDSA,", { exact: false }).waitFor();
      await context.close();
    }

    // The admin revokes it; the public page says so.
    await nav.getByRole('link', { name: 'Badges' }).click();
    await page.getByRole('button', { name: 'Award and revoke Data storyteller' }).click();
    await page.getByLabel('Reason to revoke Bea Badger’s badge').fill('Awarded in error');
    await page.getByRole('button', { name: 'Revoke Bea Badger’s badge' }).click();
    await page.getByText('Awarded in error').waitFor();
    const { page: visitor, context } = await newPage(env);
    await visitor.goto(verificationUrl);
    await visitor.getByText('Revoked.').waitFor();
    await visitor.getByText('Its issuer has revoked it.').waitFor();
    await expectNoAxeViolations(visitor, 'verification page (revoked)');
    await context.close();
  });
});
