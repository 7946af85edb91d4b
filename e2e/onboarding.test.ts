import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outboxCommand } from '../src/features/mail/outbox-command.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fromAccountMenu, newPage as openPage, serverAndBrowser } from './support/session.js';

/*
 * What a newcomer does on day one: sign up, start an organisation, invite a colleague who joins from a
 * second browser, manage members. Every page is checked with axe on the way.
 */

const env = serverAndBrowser();
const newPage = async (width = 1280): Promise<Page> => (await openPage(env, width)).page;

describe('day one', () => {
  it('signs up, creates an organisation, invites a colleague who joins, and manages members', async () => {
    const owner = await newPage();
    await owner.goto('/');
    await owner.waitForURL('**/sign-in**');
    await expectNoAxeViolations(owner, 'sign-in');
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await owner.getByRole('heading', { name: 'Create your Waymark account' }).waitFor();

    // Wrong input first: the fields say what is wrong.
    await owner.getByRole('button', { name: 'Create account' }).click();
    await owner.getByText('Enter your name.').waitFor();
    await expect.poll(() => owner.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(owner, 'sign-up with errors');

    await owner.getByLabel('Your name').fill('Olu Owner');
    await owner.getByLabel('E-mail address', { exact: true }).fill('olu@example.test');
    await owner.getByLabel('Password').fill('start-the-journey');
    await owner.getByRole('button', { name: 'Create account' }).click();

    await owner.getByRole('heading', { name: /Welcome to Waymark/ }).waitFor();
    await expectNoAxeViolations(owner, 'welcome (no organisation)');
    await owner.getByLabel('Organisation name').fill('Harbour Library');
    await owner.getByRole('button', { name: 'Create organisation' }).click();
    await owner.getByRole('heading', { name: 'Hello, Olu Owner' }).waitFor();
    await expect.poll(() => owner.getByText(/owner of Harbour Library, with 1 person/).count()).toBe(1);
    await expectNoAxeViolations(owner, 'organisation home');
    await screenshot(owner, 'org-home');

    await owner.getByRole('link', { name: 'Invite people' }).click();
    await owner.getByRole('heading', { name: /Invite people to Harbour Library/ }).waitFor();
    await owner.getByLabel('E-mail address', { exact: true }).fill('not-an-address');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText('Enter a valid e-mail address.').waitFor();
    await owner.getByLabel('E-mail address', { exact: true }).fill('mina@example.test');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    const link = (await owner.locator('code.link-box').textContent()) as string;
    expect(link).toContain('/invite/');
    await owner.getByRole('cell', { name: 'Waiting' }).waitFor();
    // Without SMTP nothing is sent, and the page says so: the owner passes the link on. Nobody reads the
    // kept mail in the app (there is no Outbox), only the operator on the server.
    await owner.getByText(/This Waymark sends no e-mail, so pass on the link yourself/).waitFor();
    await owner.getByRole('button', { name: 'Copy link' }).click();
    await owner.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await owner.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    await expectNoAxeViolations(owner, 'invitations');
    await screenshot(owner, 'invitations-link');
    await owner.setViewportSize({ width: 390, height: 900 });
    await screenshot(owner, 'invitations-link-mobile');
    await owner.setViewportSize({ width: 1280, height: 900 });

    // A second person, in another browser, follows the link.
    const mina = await newPage(390);
    await mina.goto(link);
    await mina.getByRole('heading', { name: 'Join Harbour Library on Waymark' }).waitFor();
    await expectNoAxeViolations(mina, 'invitation landing (signed out)');
    await mina.getByRole('link', { name: 'Sign up to join' }).click();
    await expect.poll(() => mina.getByLabel('E-mail address', { exact: true }).inputValue()).toBe('mina@example.test');
    await mina.getByLabel('Your name').fill('Mina Member');
    await mina.getByLabel('Password').fill('glad-to-join-you');
    await mina.getByRole('button', { name: 'Create account' }).click();
    await mina.getByRole('button', { name: 'Join Harbour Library' }).click();
    await mina.getByRole('heading', { name: 'Hello, Mina Member' }).waitFor();
    await expectNoAxeViolations(mina, 'organisation home (mobile, member)');
    await screenshot(mina, 'member-home-mobile');

    // Mina describes what she can mentor.
    await mina.getByRole('link', { name: 'Complete your profile' }).click();
    await mina.getByLabel('Job title').fill('Outreach librarian');
    await mina.getByLabel('I offer mentoring').check();
    await mina.getByLabel('Topics I can help with').fill('storytelling, community events');
    await mina.getByRole('button', { name: 'Save profile' }).click();
    await mina.getByText('Your profile is saved.').waitFor();
    await expectNoAxeViolations(mina, 'profile');

    // The owner sees her, makes her an L&D admin and her own supervisor; the change survives a reload.
    await owner.getByRole('link', { name: 'Members' }).click();
    await owner.getByText('Mentors: storytelling, community events').waitFor();
    await owner.getByLabel('Role of Mina Member').selectOption('admin');
    await owner.getByText(/Saved Mina Member: L&D admin/).waitFor();
    await owner.getByLabel('Supervisor of Mina Member').selectOption({ label: 'Olu Owner' });
    await owner.getByText(/supervised by Olu Owner/).waitFor();
    await owner.reload();
    await expect.poll(() => owner.getByLabel('Role of Mina Member').inputValue()).toBe('admin');
    await owner.getByLabel('Search by name, e-mail or title').fill('outreach');
    await expect.poll(() => owner.getByText('1 person').count()).toBe(1);
    await expectNoAxeViolations(owner, 'members');
    await screenshot(owner, 'members');

    // The last owner cannot leave; the page says why.
    await fromAccountMenu(owner, 'Profile');
    await owner.getByRole('button', { name: 'Leave organisation' }).click();
    await owner.getByText(/needs at least one owner/).waitFor();
  });

  it('can be used by keyboard alone to sign in and reach the members page', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Waymark' }).waitFor();
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab');
    await page.keyboard.type('olu@example.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('start-the-journey');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hello, Olu Owner' }).waitFor();
    const members = page.getByRole('link', { name: 'Members' }).first();
    await members.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Members of Harbour Library/ }).waitFor();
  });

  it('shows a real page for an unknown address and for a broken invitation link', async () => {
    const page = await newPage();
    await page.goto('/invite/this-token-does-not-exist');
    await page.getByRole('heading', { name: 'Invitation not found' }).waitFor();
    await expectNoAxeViolations(page, 'invitation not found');
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail address', { exact: true }).fill('olu@example.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/reset link is on its way/).waitFor();
    await expectNoAxeViolations(page, 'forgot password');
  });

  it('resets a forgotten password with the link the operator reads on the server (npm run outbox)', async () => {
    const page = await newPage();
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail address', { exact: true }).fill('olu@example.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/reset link is on its way/).waitFor();
    // What the operator does: list the mail kept for that address, show the newest, pass on its link.
    const listed = await outboxCommand(env.server.ctx.db, ['--to', 'olu@example.test', '--limit', '1']);
    const shown = await outboxCommand(env.server.ctx.db, [listed.output.split(/\s+/)[0] as string]);
    const resetLink = shown.output.match(/^ {2}(http\S+\/reset-password\?token=\S+)$/m)?.[1] as string;
    expect(resetLink).toBeDefined();

    await page.goto(resetLink);
    await page.getByLabel('New password').fill('password1');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText(/too easy to guess/).waitFor();
    await expectNoAxeViolations(page, 'reset password (common password refused)');
    await page.getByLabel('New password').fill('a-fresh-start-again');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText(/every other session is signed out/).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('E-mail address', { exact: true }).fill('olu@example.test');
    await page.getByLabel('Password').fill('a-fresh-start-again');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Olu Owner' }).waitFor();
  });
});
