import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAdminEmail, seedDemo } from '../src/db/seed-demo.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { fromAccountMenu, serverAndBrowser, signInAs } from './support/session.js';

/*
 * Insights as L&D uses them, on the demo organisation (17 learners opted in): the admin filters to a team by
 * keyboard, reads a table, downloads a CSV, and starts a mentor call by keyboard from a topic's row (the first
 * topic has no mentor, and the form says so without losing the message). The mentor follows the notification
 * and volunteers; the admin sees the uptake. A learner who had not decided says yes in her settings, and the
 * admin merges a suggested topic. axe on every page on the way.
 */

const env = serverAndBrowser();
const signIn = async (email: string) => (await signInAs(env, email, DEMO_PASSWORD)).page;
const summary = (page: Page) => page.locator('.insight-summary');

describe('insights', () => {
  it('filters, tables, CSV and a mentor call that a mentor takes up; a learner opts in', async () => {
    await seedDemo(env.server.ctx.db);
    const admin = await signIn(demoAdminEmail);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await admin.getByRole('heading', { name: 'Topics people are learning' }).waitFor();
    await expect.poll(() => summary(admin).textContent()).toMatch(/the whole organisation: figures from 17 opted-in/);
    await admin.getByRole('img', { name: /^Bar chart of the 6 topics most learners are learning/ }).waitFor();
    const topics = admin.getByRole('table', { name: 'Learners per topic' });
    await expect.poll(() => topics.getByRole('row').nth(1).textContent()).toMatch(/^Data visualisationYes8/);
    await admin.getByText('3 more topics with fewer than 5 learners each.').waitFor();
    await expectNoAxeViolations(admin, 'insights, whole organisation');
    await screenshot(admin, 'insights');

    // Count again now (this server has no job queue, so it is counted before the answer; the queued way is
    // tested in insights-recount.test.ts).
    await admin.getByRole('button', { name: 'Count again now' }).click();
    await admin.getByText('Counted again: the figures below are up to date.').waitFor();
    await expect.poll(() => topics.getByRole('row').nth(1).textContent()).toMatch(/^Data visualisationYes8/);

    // Department, then a team of it, by keyboard; the choice is kept in the address and survives a reload.
    const filters = admin.getByRole('form', { name: 'Choose the figures' });
    await filters.getByLabel('Department').focus();
    await admin.keyboard.type('Collections');
    await admin.keyboard.press('Tab');
    await expect.poll(() => filters.getByLabel('Team').evaluate((e) => e === document.activeElement)).toBe(true);
    await admin.keyboard.type('Digital');
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('Enter');
    await expect
      .poll(() => new URL(admin.url()).search)
      .toBe('?department=Collections+%26+Digital&team=Digital+services');
    await expect
      .poll(() => summary(admin).textContent())
      .toMatch(/Collections & Digital, Digital services: figures from 5/);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Show figures');
    await admin.reload();
    await expect.poll(() => filters.getByLabel('Team').inputValue()).toBe('Digital services');
    await expect
      .poll(() => topics.getByRole('row').allTextContents())
      .toEqual([
        'TopicOn the topic listLearnersAct on it',
        expect.stringMatching(/^accessibilityNo5Start a mentor call/),
      ]);
    await expectNoAxeViolations(admin, 'insights, one team');

    // A table view, with held-back numbers in words.
    await admin.getByText('Table: Forms of learning').click();
    const forms = admin.getByRole('table', { name: 'Learners by form of learning' });
    await expect
      .poll(() => forms.getByRole('row', { name: /^On the job/ }).textContent())
      .toBe('On the job / experientialInformal5');
    await expect
      .poll(() => forms.getByRole('row', { name: /^Coaching/ }).textContent())
      .toBe('CoachingSocialfewer than 5');
    await expectNoAxeViolations(admin, 'insights, a table open');

    // The topics as CSV, with the same filters.
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download CSV of Topics people are learning' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-insights-topics-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = fs
      .readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^"Waymark insights: topics, .*, Collections & Digital – Digital services; k = 5"$/);
    expect(csv.slice(1)).toEqual([
      'Topic,On the topic list,Learners',
      'accessibility,no,5',
      '5 more topics,,fewer than 5 each',
    ]);

    // A mentor call, by keyboard, from the topic's row. Nobody mentors accessibility: the form says so at the
    // topic and keeps the message; with another topic it goes.
    await topics.getByRole('button', { name: 'Start a mentor call for accessibility' }).focus();
    await admin.keyboard.press('Enter');
    const call = admin.getByRole('dialog', { name: 'Start a mentor call: accessibility' });
    await admin.keyboard.type('Could you pair with a colleague for an hour a month?');
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('Enter');
    await call.getByText('Nobody offers to mentor this topic yet.').waitFor();
    await expect.poll(() => call.getByLabel('Topic').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => call.getByLabel('Message (optional)').inputValue())
      .toBe('Could you pair with a colleague for an hour a month?');
    await expectNoAxeViolations(admin, 'mentor call with an error');
    await screenshot(admin, 'insights-mentor-call');
    await call.getByLabel('Topic').focus();
    await admin.keyboard.press('ControlOrMeta+A');
    await admin.keyboard.type('Data visualisation');
    await admin.keyboard.press('Enter');
    await admin.getByText('Mentor call sent to 1 member who offers Data visualisation.').waitFor();
    const actions = admin.getByRole('table', { name: 'Actions started from insights, newest first' });
    const callRow = actions.getByRole('row', { name: /Mentoring in Data visualisation/ });
    await expect.poll(() => callRow.textContent()).toMatch(/1 member who offers it0 volunteered/);

    // The mentor follows the notification and volunteers.
    const mentor = await signIn('chen.wei@riverside.example');
    await mentor.getByRole('link', { name: /^Notifications/ }).click();
    await mentor.getByRole('link', { name: 'Mentors wanted: Data visualisation' }).click();
    await mentor.getByRole('heading', { name: 'Mentoring in Data visualisation', level: 1 }).waitFor();
    await mentor.getByText('Could you pair with a colleague for an hour a month?').waitFor();
    await expectNoAxeViolations(mentor, 'insight action, to take up');
    await mentor.getByRole('button', { name: 'I can mentor this' }).click();
    await mentor.getByText(/you volunteered to mentor Data visualisation/).waitFor();
    await expectNoAxeViolations(mentor, 'insight action, taken up');
    await screenshot(mentor, 'insight-action-done');

    await admin.reload();
    await expect.poll(() => callRow.textContent()).toMatch(/1 member who offers it1 volunteered/);

    // A learner who had not decided says yes in her settings, and counts at once.
    const learner = await signIn('mateo.garcia@riverside.example');
    await fromAccountMenu(learner, 'Settings');
    const choice = learner.getByRole('form', { name: 'Insights in Riverside Library Service' });
    await choice.getByText('You have not decided yet, so your learning is not counted.').waitFor();
    await expect.poll(() => choice.getByLabel('No, leave me out').isChecked()).toBe(true);
    await expectNoAxeViolations(learner, 'settings with the insights choice');
    await choice.getByLabel('Yes, count me in, anonymously').check();
    await choice.getByRole('button', { name: 'Save my choice' }).click();
    await learner.getByText('Saved: you count in the next figures.').waitFor();
    await choice.getByText(/^You said yes on /).waitFor();
    await screenshot(learner, 'settings-insights-consent');
    // Insights themselves are not hers to read: no link, and the address says why.
    await expect.poll(() => learner.getByRole('navigation', { name: 'Main' }).getByText('Insights').count()).toBe(0);
    await learner.goto(new URL(admin.url()).pathname);
    await learner.getByText(/^Insights are for the owners and L&D admins of Riverside Library Service/).waitFor();
    await expectNoAxeViolations(learner, 'insights, as a member');
    await admin.getByRole('button', { name: 'Whole organisation, last 12 months' }).click();
    await expect.poll(() => new URL(admin.url()).search).toBe('');
    await expect.poll(() => summary(admin).textContent()).toMatch(/figures from 18 opted-in learners/);

    // Admins place people in departments and teams on the members page.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await admin.getByLabel('Search by name, e-mail or title').fill('Mateo');
    const mateo = admin.getByRole('listitem').filter({ hasText: 'mateo.garcia@riverside.example' });
    await mateo.getByText('Public Services · Research & Reference').waitFor();
    await mateo.getByLabel('Team of Mateo García', { exact: true }).fill('Reference desk');
    await admin.keyboard.press('Enter');
    await admin.getByText('Saved Mateo García: Public Services · Reference desk.').waitFor();
    await mateo.getByText('Public Services · Reference desk').waitFor();
    await expectNoAxeViolations(admin, 'members with departments and teams');
    await admin.goBack();
    await admin.getByRole('heading', { name: 'Topics people are learning' }).waitFor();

    // k only goes up: a lower number is refused in words, a higher one asks first.
    await admin.getByText('Raise k', { exact: true }).click();
    const k = admin.getByRole('form', { name: 'Raise k' });
    await k.getByLabel('Raise k to').fill('4');
    await k.getByRole('button', { name: 'Raise k…' }).click();
    await k.getByText('k only goes up: it is 5 now. Give a larger number.').waitFor();
    await k.getByLabel('Raise k to').fill('6');
    await k.getByRole('button', { name: 'Raise k…' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Raise k from 5 to 6?' });
    await confirm.getByText(/This cannot be undone: k never goes back down./).waitFor();
    await expectNoAxeViolations(admin, 'raise k, confirming');
    // Nothing is raised by a stray Enter: Cancel has the focus, and Escape closes.
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await admin.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await admin.getByText(/comes from at least k = 5 opted-in learners/).waitFor();

    // The topic list: "spreadsheet" merges into "spreadsheets", which then counts both.
    await admin.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Topic list' }).click();
    await admin.getByText('“spreadsheet” (5 learners) looks like “spreadsheets” (learners’ own words).').waitFor();
    await expectNoAxeViolations(admin, 'topic list');
    await screenshot(admin, 'insights-topic-list');
    await admin.getByRole('button', { name: 'Merge “spreadsheet” into “spreadsheets”' }).click();
    await admin.getByText('“spreadsheet” now counts as “spreadsheets”.').waitFor();
    await admin.getByText('Also: spreadsheet').waitFor();
    await admin.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Figures' }).click();
    await expect
      .poll(() => topics.getByRole('row', { name: /^spreadsheets/ }).textContent())
      .toMatch(/^spreadsheetsYes11/);
  });

  it('opens a community and recommends a resource that a learner takes up; the topic list is edited', async () => {
    await seedDemo(env.server.ctx.db); // there already: the first test made it
    const admin = await signIn(demoAdminEmail);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    const topics = admin.getByRole('table', { name: 'Learners per topic' });
    const actions = admin.getByRole('table', { name: 'Actions started from insights, newest first' });

    // A community for a topic: its name is required, and said so at the field.
    await topics.getByRole('button', { name: 'Open a community for Data visualisation' }).click();
    const open = admin.getByRole('dialog', { name: 'Open a community: Data visualisation' });
    await open.getByRole('button', { name: 'Open the community' }).click();
    await open.getByText('A name has at least 2 characters.').waitFor();
    await open.getByLabel('Name of the community').fill('Chart club');
    await open.getByRole('button', { name: 'Open the community' }).click();
    await admin.getByText('“Chart club” is open and announced.').waitFor();
    await expect
      .poll(() => actions.getByRole('row', { name: /Chart club/ }).textContent())
      .toMatch(/8 learners0 joined/);

    // A resource: a web address that is not one is refused at the field, and the title stays.
    await topics.getByRole('button', { name: 'Recommend a resource for Data visualisation' }).click();
    const recommend = admin.getByRole('dialog', { name: 'Recommend a resource: Data visualisation' });
    await recommend.getByLabel('Title of the resource').fill('Storytelling with Data');
    await recommend.getByLabel('Web address').fill('storytelling with data');
    await recommend.getByRole('button', { name: 'Recommend it' }).click();
    await recommend.getByText('Give a web address starting with http:// or https://.').waitFor();
    await expect.poll(() => recommend.getByLabel('Title of the resource').inputValue()).toBe('Storytelling with Data');
    await expectNoAxeViolations(admin, 'recommend a resource with an error');
    await recommend.getByLabel('Web address').fill('https://example.org/storytelling-with-data');
    await recommend.getByRole('button', { name: 'Recommend it' }).click();
    await admin.getByText('“Storytelling with Data” is recommended.').waitFor();

    // A learner of the topic joins the community and adds the resource to her plan.
    const learner = await signIn('sofia.marques@riverside.example');
    await learner.getByRole('link', { name: /^Notifications/ }).click();
    await learner.getByRole('link', { name: 'A new community: Chart club' }).click();
    await learner.getByRole('heading', { name: 'Chart club', level: 1 }).waitFor();
    await expectNoAxeViolations(learner, 'insight action: a community');
    await learner.getByRole('button', { name: 'Join the community' }).click();
    await learner.getByText(/^You joined Chart club/).waitFor();
    await learner.getByRole('link', { name: 'Go to the community' }).click();
    await learner.getByRole('button', { name: 'Leave the community' }).waitFor();
    await learner.getByRole('link', { name: /^Notifications/ }).click();
    await learner.getByRole('link', { name: 'Recommended for Data visualisation: Storytelling with Data' }).click();
    await learner.getByRole('button', { name: 'Add to my plan' }).click();
    await learner.getByText(/^Storytelling with Data is in the learning network of your newest plan/).waitFor();
    await expectNoAxeViolations(learner, 'insight action: a resource added');

    // Uptake: one joined; one added the resource, which is fewer than k and says so.
    await admin.reload();
    await expect
      .poll(() => actions.getByRole('row', { name: /Chart club/ }).textContent())
      .toMatch(/8 learners1 joined/);
    await expect
      .poll(() => actions.getByRole('row', { name: /Storytelling with Data/ }).textContent())
      .toMatch(/8 learnersfewer than 5/);

    // The topic list: another name for a topic, then the topic off the list.
    await admin.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Topic list' }).click();
    await admin.getByRole('button', { name: 'Edit Data visualisation' }).click();
    const edit = admin.getByRole('form', { name: 'Edit Data visualisation' });
    await edit.getByLabel('Other names').fill('dataviz, data viz, charts');
    await edit.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('“Data visualisation” is saved.').waitFor();
    await admin.getByText('Also: dataviz, data viz, charts').waitFor();
    const add = admin.getByRole('form', { name: 'Add a topic' });
    await add.getByLabel('Topic').fill('x');
    await add.getByRole('button', { name: 'Add the topic' }).click();
    await add.getByText('A topic has at least 2 characters.').waitFor();
    await expectNoAxeViolations(admin, 'topic list with an error');
    await admin.getByRole('button', { name: 'Delete Data visualisation' }).click();
    await admin.getByRole('button', { name: 'Take it off' }).click();
    await admin.getByText('“Data visualisation” is off the list.').waitFor();
    await expect.poll(() => admin.getByRole('button', { name: 'Edit Data visualisation' }).count()).toBe(0);
  });
});
