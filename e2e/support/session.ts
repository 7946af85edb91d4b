import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

export interface E2eEnv {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
}

/**
 * The real server and Chromium for one test file: started before its tests, stopped after them. `config`
 * adds environment variables (e.g. SMTP_URL) to the server's configuration.
 */
export function serverAndBrowser(
  config: Record<string, string> = {},
  options: Parameters<typeof startServer>[1] = {},
): E2eEnv {
  const env = {} as E2eEnv;
  beforeAll(async () => {
    env.server = await startServer(config, options);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export async function newPage(
  env: E2eEnv,
  width = 1280,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({
    baseURL: env.server.baseUrl,
    viewport: { width, height: 900 },
    ...options,
  });
  return { context, page: await context.newPage() };
}

/** A new person, signed up through the pages, owner of a new organisation, on its home page. */
export async function signUpWithOrganisation(
  env: E2eEnv,
  name: string,
  orgName = `${name}'s Library`,
  options: BrowserContextOptions = {},
) {
  const { context, page } = await newPage(env, 1280, options);
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(`${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('learning-out-loud');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Organisation name').fill(orgName);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  return { context, page };
}

/**
 * A new learner, owner of a new organisation, with a plan "Growing" (cycle 2027) holding these goals, made
 * through the API (for tests about what happens next). Answers their page, the organisation's id and the plan.
 */
export async function learnerWithPlan(env: E2eEnv, name: string, orgName: string, goals: string[]) {
  const { page } = await signUpWithOrganisation(env, name, orgName);
  const me = await (await page.request.get('/api/me')).json();
  const orgId = me.memberships[0].organizationId as string;
  const plan = (await (
    await page.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Growing' } })
  ).json()) as { id: string };
  for (const what of goals) {
    expect((await page.request.post(`/api/plans/${plan.id}/goals`, { data: { what } })).status()).toBe(201);
  }
  return { page, orgId, plan };
}

/**
 * A colleague who joins the organisation through an invitation the owner (`inviter`, signed in) sends, in a
 * browser of their own; answers their page, signed in.
 */
export async function colleagueJoins(env: E2eEnv, inviter: Page, orgId: string, name: string) {
  const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.test`;
  const invitation = await (await inviter.request.post(`/api/orgs/${orgId}/invitations`, { data: { email } })).json();
  const { page } = await newPage(env);
  const signUp = await page.request.post('/api/auth/sign-up', { data: { name, email, password: 'glad-to-help-you' } });
  expect(signUp.status()).toBe(201);
  const token = (invitation.url as string).split('/invite/')[1];
  expect((await page.request.post(`/api/invitations/${token}/accept`)).status()).toBeLessThan(300);
  return page;
}

/** A new learner (signed up with their own organisation) with a 2027 plan holding one goal, on its goals page. */
export async function learnerWithGoal(env: E2eEnv, name: string, orgName: string, goal = 'Run a data workshop') {
  const { page } = await signUpWithOrganisation(env, name, orgName);
  await page.getByRole('link', { name: 'Go to your plans' }).click();
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.getByRole('link', { name: '2. Goals' }).click();
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('What do you need to learn?').fill(goal);
  await expect.poll(() => page.locator('.save-status').innerText()).toBe('Saved');
  return page;
}

/**
 * Chooses an item of the account menu (the person's avatar in the app's bar): Profile, Settings, Sign out…
 * The menu's code arrives after the page (ui/deferred.tsx); its stand-in button opens it all the same.
 */
export async function fromAccountMenu(page: Page, item: string) {
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

/** Someone who has an account (e.g. from the demo seed), signed in through the sign-in page of a new browser. */
export async function signInAs(env: E2eEnv, email: string, password: string) {
  const { context, page } = await newPage(env);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Hello, / }).waitFor();
  return { context, page };
}
