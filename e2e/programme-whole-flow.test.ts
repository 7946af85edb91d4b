import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { programmeCohort } from '../src/db/schema/index.js';
import { readDueFeeds } from '../src/features/blog-feeds/index.js';
import { scanReminders } from '../src/features/reminders/reminders.service.js';
import { rss, type Served, serveFeeds } from '../src/test/blog-feed-fixture.js';
import { localDatePlus, zoneInDeliveryHours } from '../src/test/reminder-clock.js';
import { startSmtpInbox } from '../src/test/smtp-inbox.js';
import { expectNoAxeViolations } from './support/browser.js';
import { fillDate } from './support/date-field.js';
import { axeBothWidths, colleagueJoinsByMail, organiserSignsUp } from './support/programme-people.js';
import { serverAndBrowser } from './support/session.js';

/*
 * The whole of a programme (issue 19), as its people do it, each in a browser of their own: an L&D author
 * builds a three-thing programme released one thing a week, with a badge, opens a cohort starting today and
 * publishes; two colleagues join the cohort. Ada marks thing 1 tried and shares a reflection with the cohort;
 * Ben registers his blog's feed (served by this test) and its post tagged for the programme becomes his
 * reflection. Then a week passes, twice: thing 2 and thing 3 come out and the "week is out" e-mail arrives at
 * the test's own SMTP server. Both complete; the organiser sees the funnel and downloads the CSV; Ada's plan
 * shows the programme's goal achieved and her portfolio the badge. axe on every page, learners' pages at 390 px.
 */

const inbox = await startSmtpInbox();
const blog = await serveFeeds(new Map<string, () => Served>([['/ben.xml', () => ({ body: benFeed() })]]));
const env = serverAndBrowser({ SMTP_URL: inbox.url, FEEDS_ALLOW_PRIVATE_HOSTS: 'true' });
afterAll(() => inbox.close());

const TAG = '#datathings';
const THINGS = ['Make a chart', 'Ask a question of data', 'Share a chart'];
/** Ben's blog posts so far: one more for each thing he reflects on. */
const benPosts: Parameters<typeof rss>[0] = [];
const benFeed = () => rss(benPosts);
function benBlogs(thing: number) {
  benPosts.push({
    guid: `ben-thing-${thing}`,
    link: `https://ben.example/thing-${thing}`,
    title: `Thing ${thing}: what I found`,
    text: `Notes on ${THINGS[thing - 1]} for the data programme.`,
    categories: [TAG],
  });
}

/**
 * Time passes for the programme: the cohort's start moves a week earlier, so its next week is released
 * today. (The server's clock cannot be moved from a browser test; a cohort that began a week earlier is,
 * for every schedule, the same as a week gone by.) Then the reminder scan runs, as its schedule would.
 */
async function aWeekPasses(cohortName: string) {
  const { ctx } = env.server;
  const moved = await ctx.db
    .update(programmeCohort)
    .set({ startsOn: sql`${programmeCohort.startsOn} - 7` })
    .where(eq(programmeCohort.name, cohortName))
    .returning({ programmeId: programmeCohort.programmeId });
  // Said as every change to a cohort is said, so the running server reads the new dates.
  for (const { programmeId } of moved) await ctx.changes.announce({ kind: 'programme', programmeId });
  await scanReminders(ctx, new Date());
}

describe('a programme from authoring to completion', () => {
  it('is built, joined, reflected on by post and by blog, released week by week with e-mail, and completed', async () => {
    // Everybody in a time zone where it is day now, so "from 08:00" reminders are due and today is today.
    const zone = zoneInDeliveryHours(new Date());
    const today = localDatePlus(zone, 0);
    const author = await organiserSignsUp(env, inbox, 'Lena Lead', 'Data Library', zone);
    const { page: lead, orgId } = author;
    const nav = lead.getByRole('navigation', { name: 'Main' });

    // A badge to award on completion.
    await nav.getByRole('link', { name: 'Badges' }).click();
    await lead.getByLabel('Name', { exact: true }).fill('Data practitioner');
    await lead.getByLabel('Description').fill('Made, questioned and shared a chart.');
    await lead.getByLabel('Criteria: what earns it').fill('Completed Data in practice.');
    await lead.getByRole('heading', { name: 'Badges', level: 1 }).waitFor();
    await expectNoAxeViolations(lead, 'badges (none yet)');
    await lead.getByRole('button', { name: 'Define the achievement' }).click();
    await lead.getByRole('article', { name: 'Data practitioner' }).waitFor();
    await expectNoAxeViolations(lead, 'badges');

    // The programme: three weeks of one thing each, the tag for blogs, the badge.
    await nav.getByRole('link', { name: 'Run programmes' }).click();
    await lead.getByRole('heading', { name: 'No programmes yet' }).waitFor();
    await expectNoAxeViolations(lead, 'programmes to run (none yet)');
    await lead.getByLabel('Title').fill('Data in practice');
    await lead.getByRole('button', { name: 'Create the draft' }).click();
    await lead.getByRole('heading', { name: /Data in practice/, level: 1 }).waitFor();
    await lead.getByRole('button', { name: 'Add a week' }).click();
    await lead.getByRole('heading', { name: 'Week 2', level: 3 }).waitFor();
    await lead.getByRole('button', { name: 'Add a week' }).click();
    await lead.getByRole('heading', { name: 'Week 3', level: 3 }).waitFor();
    for (const [i, title] of THINGS.entries()) {
      await lead.getByText(`Add a thing to week ${i + 1}`).click();
      const form = lead.getByRole('form', { name: 'New thing' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('The task').fill(`${title}, with data of your own.`);
      await form.getByLabel('Reflection prompt').fill('What surprised you?');
      await form.getByRole('button', { name: 'Add the thing' }).click();
      await lead.getByRole('article', { name: `Thing ${i + 1}: ${title}` }).waitFor();
      await lead.getByText(`Add a thing to week ${i + 1}`).click();
    }
    await lead.getByLabel('Tag for blog posts').fill(TAG);
    await lead.getByLabel('Badge on completion').selectOption({ label: 'Data practitioner' });
    await lead.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => lead.getByLabel('Badge on completion').inputValue()).not.toBe('');
    await lead.getByLabel('Name', { exact: true }).fill('Winter');
    await fillDate(lead, 'Starts on', today);
    await lead.getByRole('button', { name: 'Open the cohort' }).click();
    await lead.getByText(/Winter.*starts/).waitFor();
    await lead.getByRole('button', { name: 'Publish' }).click();
    await lead.getByRole('button', { name: 'Archive' }).waitFor();
    await expectNoAxeViolations(lead, 'programme editor (published)');
    const programmeId = new URL(lead.url()).pathname.split('/').at(-1) as string;

    // Two colleagues join the organisation from their invitations, then the cohort from the catalogue.
    const ada = await colleagueJoinsByMail(env, inbox, lead, orgId, 'Ada Lovelace', zone);
    const ben = await colleagueJoinsByMail(env, inbox, lead, orgId, 'Ben Okri', zone);
    for (const { page } of [ada, ben]) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Programmes', exact: true })
        .click();
      const card = page.getByRole('article', { name: 'Data in practice' });
      await card.getByText(/Winter: starts/).waitFor();
      await axeBothWidths(page, 'catalogue');
      await card.getByRole('link', { name: 'Data in practice' }).click();
      const enrol = page.getByRole('form', { name: 'Take part' });
      await enrol.getByLabel(/With Winter/).check();
      await expect.poll(() => enrol.getByLabel(/Add it to my plan/).isChecked()).toBe(true);
      await axeBothWidths(page, 'programme page (before enrolling)');
      await enrol.getByRole('button', { name: 'Enrol' }).click();
      await page.getByRole('region', { name: 'This week' }).getByText('0 of 3 things done').waitFor();
      await axeBothWidths(page, 'programme page (this week)');
    }

    /** Ada: the thing from "this week", tried, and a reflection shared with her cohort. */
    const adaDoes = async (n: number) => {
      const week = ada.page.getByRole('region', { name: 'This week' });
      await week.getByRole('link', { name: THINGS[n - 1] as string }).click();
      await ada.page.getByRole('heading', { name: `Thing ${n}: ${THINGS[n - 1]}`, level: 1 }).waitFor();
      await ada.page.getByLabel('I tried it').check();
      await expect.poll(() => ada.page.getByLabel('I tried it').isChecked()).toBe(true);
      const reflect = ada.page.getByRole('form', { name: 'Reflect' });
      await reflect.getByLabel('Your reflection').fill(`Thing ${n} taught me to start from a question.`);
      await expect.poll(() => reflect.getByLabel('My cohort').isChecked()).toBe(true);
      await axeBothWidths(ada.page, `thing ${n} page`);
      await reflect.getByRole('button', { name: 'Share my reflection' }).click();
      await ada.page.getByText(/You reflected on it/).waitFor();
      await axeBothWidths(ada.page, `thing ${n} page (reflected)`);
      await ada.page.getByRole('link', { name: 'Data in practice' }).first().click();
    };
    /** Ben: his blog's new post, read by the feed job, offered for the thing and used as his reflection. */
    const benUsesPost = async (n: number) => {
      await ben.page.goto(`/orgs/${orgId}/programmes/${programmeId}/blog`);
      const post = ben.page.getByRole('article', { name: `Thing ${n}: what I found` });
      await post.getByText(`Offered for Thing ${n}.`).waitFor();
      await axeBothWidths(ben.page, `your blog (thing ${n} offered)`);
      await post.getByRole('button', { name: `Use as my reflection for Thing ${n}` }).click();
      await post.getByText(`Used for Thing ${n}`).waitFor();
    };

    // Week 1: Ada by a post, Ben by his blog (registered now, read at once).
    await adaDoes(1);
    await ada.page.getByRole('region', { name: 'This week' }).getByText('1 of 3 things done').waitFor();
    benBlogs(1);
    await ben.page.getByRole('region', { name: 'This week' }).getByRole('link', { name: 'Your blog' }).click();
    await ben.page.getByRole('heading', { name: 'Register your blog' }).waitFor();
    await axeBothWidths(ben.page, 'your blog (none yet)');
    await ben.page.getByLabel('Feed address (RSS or Atom)').fill(`${blog.base}/ben.xml`);
    await ben.page.getByRole('button', { name: 'Register my blog' }).click();
    await ben.page.getByRole('heading', { name: 'Your blog’s feed' }).waitFor();
    await benUsesPost(1);

    // Weeks 2 and 3: time passes; the week's e-mail arrives; each does the new thing.
    for (const n of [2, 3]) {
      await aWeekPasses('Winter');
      const subject = `Week ${n} is out: ${THINGS[n - 1]} — Data in practice`;
      for (const who of [ada, ben]) {
        await expect.poll(() => inbox.to(who.email).map((m) => m.subject)).toContain(subject);
        const mail = inbox.to(who.email).find((m) => m.subject === subject);
        expect(mail?.text).toContain(`${env.server.baseUrl}/orgs/${orgId}/programmes/${programmeId}`);
      }
      // Ada follows the link in her mail.
      const mail = inbox.to(ada.email).find((m) => m.subject === subject);
      await ada.page.goto(mail?.text.match(/http\S+\/programmes\/[\w-]+/)?.[0] as string);
      await adaDoes(n);
      benBlogs(n);
      // The feed job's next hourly read (run here as its schedule would, on a clock past the feed's next read).
      await readDueFeeds(env.server.ctx, new Date(Date.now() + n * 2 * 60 * 60 * 1000));
      await benUsesPost(n);
    }

    // Both completed.
    await ada.page.getByText(/You completed it/).waitFor();
    await axeBothWidths(ada.page, 'programme page (completed)');
    await ben.page.goto(`/orgs/${orgId}/programmes/${programmeId}`);
    await ben.page.getByText(/You completed it/).waitFor();
    await axeBothWidths(ben.page, 'programme page (completed, Ben)');

    // The organiser: the funnel and the CSV.
    await lead.goto(`/orgs/${orgId}/programmes/manage/${programmeId}/progress`);
    await lead.getByRole('heading', { name: 'Progress: Data in practice' }).waitFor();
    await lead.getByText('Table: completion funnel').click();
    const funnel = lead.getByRole('table', { name: 'Enrolled, tried and reflected per thing' });
    for (const [i, title] of THINGS.entries())
      await expect
        .poll(() =>
          funnel
            .getByRole('row')
            .nth(i + 1)
            .textContent(),
        )
        .toBe(`${i + 1}. ${title}222`);
    await lead.getByText(/2 participants · 2 completed/).waitFor();
    await expectNoAxeViolations(lead, 'programme progress');
    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const rows = fs
      .readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe(
      `Name,Cohort,Enrolled on,Status,Days behind,Completed on,${THINGS.map((t, i) => `${i + 1}. ${t}`).join(',')}`,
    );
    expect(rows).toHaveLength(3);
    for (const name of ['Ada Lovelace', 'Ben Okri']) {
      const row = rows.find((r) => r.startsWith(`${name},Winter,`)) as string;
      expect(row.split(',').slice(3, 4)).toEqual(['Completed']);
      expect(row.split(',').slice(6)).toEqual(['Reflected', 'Reflected', 'Reflected']);
    }

    // Ada's plan: the programme's goal achieved; her portfolio: the badge.
    await ada.page.goto(`/orgs/${orgId}/plans`);
    await ada.page.getByText('1 goal, 1 achieved').waitFor();
    await axeBothWidths(ada.page, 'plans');
    await ada.page.locator('.plan-list a').click();
    await ada.page.getByRole('link', { name: '2. Goals' }).click();
    const goal = ada.page.locator('article.item-card', {
      has: ada.page.getByRole('heading', { name: 'Complete Data in practice' }),
    });
    await expect.poll(() => goal.getByLabel('Status').inputValue()).toBe('achieved');
    await axeBothWidths(ada.page, 'plan goals (programme achieved)');
    await ada.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await ada.page.getByRole('article', { name: 'Data practitioner' }).waitFor();
    await axeBothWidths(ada.page, 'portfolio (badge)');
    // Three people, some thirty pages each checked with axe at two widths: minutes, not the usual seconds.
  }, 360_000);
});
