import ICAL from 'ical.js';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * The private calendar feed, the way a learner sets it up: on the settings page they make a link, copy it
 * into a calendar app (here: fetched signed out, as a calendar app does), replace it and turn it off.
 */

const env = serverAndBrowser();

/** A plan with a goal that has a target date and a milestone, made through the API as the signed-in learner. */
async function planWithGoal(page: Page) {
  const me = await (await page.request.get('/api/me')).json();
  const organizationId = me.memberships[0].organizationId as string;
  const plan = await (await page.request.post('/api/plans', { data: { organizationId, cycle: '2027' } })).json();
  const goal = await page.request.post(`/api/plans/${plan.id}/goals`, {
    data: {
      what: 'Run a data literacy workshop',
      targetDate: '2027-06-30',
      milestones: [{ id: 'm1', title: 'Draft the outline', dueDate: '2027-03-01', done: false }],
    },
  });
  expect(goal.status()).toBe(201);
}

/** What a calendar app would see at `url`: the status and, when there is one, the events' summaries. */
async function subscribe(request: APIRequestContext, url: string) {
  const res = await request.get(url);
  if (res.status() !== 200) return { status: res.status(), summaries: [] as string[] };
  expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const cal = new ICAL.Component(ICAL.parse(await res.text()));
  const summaries = cal.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
  return { status: 200, summaries: summaries.sort() };
}

describe('calendar feed', () => {
  it('is made on the settings page, works signed out, and stops when replaced or turned off', async () => {
    const { context, page } = await signUpWithOrganisation(env, 'Cal Endar', 'Calendar Library');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await planWithGoal(page);
    // A calendar app has no session: fetch the feed from a context that never signed in.
    const calendarApp = await env.browser.newContext();

    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Calendar feed' });
    await section.getByText('Your calendar feed is off').waitFor();
    await section.getByRole('button', { name: 'Make a calendar link' }).click();
    const field = section.getByLabel('Your private calendar link');
    await field.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('readonly'))).toBe('');
    const first = await field.inputValue();
    expect(first).toMatch(new RegExp(`^${env.server.baseUrl}/api/calendar/[\\w-]{43}\\.ics$`));
    await section.getByRole('button', { name: 'Copy link' }).click();
    await page
      .getByRole('region', { name: 'Status messages' })
      .getByText('Copied. Paste it into your calendar app.')
      .waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await expectNoAxeViolations(page, 'settings with the calendar link showing');
    await page.screenshot({ path: '.tmp/calendar-settings.png', fullPage: true });

    expect(await subscribe(calendarApp.request, first)).toEqual({
      status: 200,
      summaries: ['Milestone: Draft the outline', 'Target: Run a data literacy workshop'],
    });

    // A new link: the old one stops at once. After a reload the link is not shown again, only that it is on.
    await section.getByRole('button', { name: 'Make a new link (the old one stops working)' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(first);
    const second = await field.inputValue();
    expect((await subscribe(calendarApp.request, first)).status).toBe(404);
    expect((await subscribe(calendarApp.request, second)).status).toBe(200);
    await page.reload();
    await section.getByText('Your calendar feed is on.').waitFor();
    expect(await section.getByLabel('Your private calendar link').count()).toBe(0);

    await section.getByRole('button', { name: 'Turn off the feed' }).click();
    await section.getByText('Your calendar feed is off').waitFor();
    expect((await subscribe(calendarApp.request, second)).status).toBe(404);
    await expectNoAxeViolations(page, 'settings with the calendar feed off');
    await calendarApp.close();
  });
});
