import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpInbox } from '../src/test/smtp-inbox.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { newPage, serverAndBrowser } from './support/session.js';

/*
 * With SMTP, a new account confirms its address before it starts: sign up, read the mail (here, in a real
 * SMTP server of the test's own), open the link, confirm with one click, and be signed in.
 */

const inbox = await startSmtpInbox();
const env = serverAndBrowser({ SMTP_URL: inbox.url });
afterAll(() => inbox.close());

describe('confirming the address (SMTP)', () => {
  it('signs up, is asked to check the inbox, confirms from the mail and is signed in', async () => {
    const { page } = await newPage(env);
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('E-mail address').fill('ada@example.test');
    await page.getByLabel('Password').fill('analytical-engines');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await expectNoAxeViolations(page, 'check your inbox');
    await screenshot(page, 'check-inbox');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'check-inbox-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Signing in before confirming says why not, and sends a fresh link.
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.getByLabel('E-mail address').fill('ada@example.test');
    await page.getByLabel('Password').fill('analytical-engines');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Confirm your e-mail address first/).waitFor();
    await expectNoAxeViolations(page, 'sign-in (address not confirmed)');

    await expect.poll(() => inbox.to('ada@example.test').length).toBe(2);
    const mail = inbox.to('ada@example.test').at(-1);
    expect(mail?.subject).toBe('Confirm your e-mail address for Waymark');
    const link = mail?.text.match(/http\S+\/verify-email\?token=\S+/)?.[0] as string;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Confirm your e-mail address' }).waitFor();
    await expectNoAxeViolations(page, 'confirm your address');
    await screenshot(page, 'verify-email');
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByRole('heading', { name: /Welcome to Waymark/ }).waitFor();
  });

  it('answers a sign-up with a taken address like any other, and tells the owner by mail', async () => {
    const { page } = await newPage(env, 390);
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Not Ada');
    await page.getByLabel('E-mail address').fill('ada@example.test');
    await page.getByLabel('Password').fill('somebody-else-entirely');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await expect
      .poll(() => inbox.to('ada@example.test').map((m) => m.subject))
      .toContain('Someone tried to sign up to Waymark with your address');
  });
});
