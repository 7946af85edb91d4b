import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SmtpInbox } from '../../src/test/smtp-inbox.js';
import { expectNoAxeViolations } from './browser.js';
import { type E2eEnv, newPage } from './session.js';

/*
 * People of a Waymark that sends e-mail (SMTP to the test's own inbox), made through the pages as they make
 * themselves: an organiser confirms their address from the mail before starting an organisation; colleagues
 * join from the invitation mail (the invitation proves their address). Each in a browser context of their own,
 * in `timeZone`, so "today" and "from 08:00" are the same day for them as for the test.
 */

/** Axe at desk width and at phone width (390 px): the learners' pages are read on phones too. */
export async function axeBothWidths(page: Page, label: string) {
  await expectNoAxeViolations(page, `${label} (1280 px)`);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoAxeViolations(page, `${label} (390 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const mailLink = (text: string, path: string) => text.match(new RegExp(`http\\S+${path}\\S+`))?.[0] as string;

/** An L&D organiser who signs up, confirms the address from the mail, and starts an organisation. */
export async function organiserSignsUp(env: E2eEnv, inbox: SmtpInbox, name: string, orgName: string, timeZone: string) {
  const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`;
  const { context, page } = await newPage(env, 1280, { timezoneId: timeZone });
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('learning-out-loud');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  await expectNoAxeViolations(page, 'check your inbox');
  await expect.poll(() => inbox.to(email).length).toBe(1);
  await page.goto(mailLink(inbox.to(email)[0]?.text ?? '', '/verify-email\\?token='));
  await page.getByRole('heading', { name: 'Confirm your e-mail address' }).waitFor();
  await expectNoAxeViolations(page, 'confirm your address');
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await page.getByRole('heading', { name: /Welcome to Waymark/ }).waitFor();
  await expectNoAxeViolations(page, 'welcome');
  await page.getByLabel('Organisation name').fill(orgName);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  await expectNoAxeViolations(page, 'organisation home (organiser)');
  const me = await (await page.request.get('/api/me')).json();
  return { context, page, email, orgId: me.memberships[0].organizationId as string };
}

/**
 * The organiser invites a colleague on the invitations page; the colleague opens the link from the mail in a
 * browser of their own, signs up, joins, sets their time zone to the browser's and starts a plan (so a
 * programme can become a goal in it). Answers the colleague's page, on their organisation's home.
 */
export async function colleagueJoinsByMail(
  env: E2eEnv,
  inbox: SmtpInbox,
  organiser: Page,
  orgId: string,
  name: string,
  timeZone: string,
) {
  const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`;
  await organiser.goto(`/orgs/${orgId}`);
  await organiser.getByRole('link', { name: 'Invite people' }).click();
  await organiser.getByLabel('E-mail address', { exact: true }).fill(email);
  await organiser.getByRole('button', { name: 'Send invitation' }).click();
  await organiser.getByRole('cell', { name: 'Waiting' }).first().waitFor();
  await expectNoAxeViolations(organiser, 'invitations');
  await expect.poll(() => inbox.to(email).length).toBe(1);
  const { context, page } = await newPage(env, 1280, { timezoneId: timeZone });
  await page.goto(mailLink(inbox.to(email)[0]?.text ?? '', '/invite/'));
  await page.getByRole('heading', { name: /^Join / }).waitFor();
  await axeBothWidths(page, 'invitation');
  await page.getByRole('link', { name: 'Sign up to join' }).click();
  await page.getByRole('heading', { name: 'Create your Waymark account' }).waitFor();
  await axeBothWidths(page, 'sign-up to join');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill('glad-to-join-you');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: /^Join / }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  await axeBothWidths(page, 'home (learner)');

  // Reminders come from 08:00 on the person's own clock: they say which clock is theirs.
  await page.goto('/settings');
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await axeBothWidths(page, 'settings');
  await page.getByRole('button', { name: /^Use this browser’s time zone/ }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Your settings are saved.').waitFor();

  await page.goto(`/orgs/${orgId}/plans`);
  await page.getByRole('heading', { name: 'Your learning plans' }).waitFor();
  await axeBothWidths(page, 'plans (none yet)');
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.getByRole('link', { name: '2. Goals' }).waitFor();
  await axeBothWidths(page, 'new plan');
  return { context, page, email };
}
