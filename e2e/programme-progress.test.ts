import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addMember } from '../src/test/factories.js';
import {
  createCohort,
  createProgramme,
  enrolAll,
  recordProgress,
  reflectionPost,
} from '../src/test/programme-progress-fixture.js';
import { localDatePlus } from '../src/test/reminder-clock.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { focusIsIn, tabAndEnter, tabTo } from './support/keyboard.js';
import { newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * An organiser (the organisation's owner) opens the progress page of a programme with three participants of a
 * cohort that began three weeks ago: Ada did thing 1 (a private reflection) and thing 2; Ben tried thing 1; Cy did
 * nothing. They see the funnel and the grid, filter to those behind, nudge them and download the CSV; axe at
 * 1280 and 390 px, and the page works by keyboard. Two chosen by keyboard are nudged alone first; then those
 * behind, where the page names the two nudged today already.
 */

const env = serverAndBrowser();

describe("a programme's progress, as its organiser sees it", () => {
  it('shows the funnel and the grid, filters to those behind, nudges and downloads the CSV', async () => {
    const { page, context } = await signUpWithOrganisation(env, 'Olga Organiser');
    const me = await (await page.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    const db = env.server.ctx.db;
    const org = { id: orgId } as Parameters<typeof addMember>[1];
    const members = [];
    for (const name of ['Ada Lovelace', 'Ben Okri', 'Cy Twombly']) members.push(await addMember(db, org, { name }));
    const people = members.map((m) => ({ memberId: m.id, userId: m.userId }));
    const fx = await createProgramme(db, orgId, { title: 'Library 23 things', behindAfterDays: 7 });
    const cohort = await createCohort(db, fx.programme.id, localDatePlus('UTC', -21));
    const [eAda, eBen] = await enrolAll(db, fx.programme, people, { cohortId: cohort.id, startedOn: cohort.startsOn });
    const secret = await reflectionPost(db, orgId, people[0] as (typeof people)[0], {
      visibility: 'private',
      body: 'A private worry',
    });
    const at = new Date();
    const [t1, t2] = fx.things.map((x) => x.id);
    await recordProgress(db, [
      {
        enrolmentId: eAda?.id as string,
        thingId: t1 as string,
        triedAt: at,
        reflectedAt: at,
        reflectionPostId: secret.id,
      },
      {
        enrolmentId: eAda?.id as string,
        thingId: t2 as string,
        triedAt: at,
        reflectedAt: at,
        reflectionUrl: 'https://ada.example/2',
      },
      { enrolmentId: eBen?.id as string, thingId: t1 as string, triedAt: at },
    ]);

    await page.goto(`/orgs/${orgId}/programmes/manage/${fx.programme.id}/progress`);
    await page.getByRole('heading', { name: 'Progress: Library 23 things' }).waitFor();
    await page.getByText(/Participants were told when they enrolled/).waitFor();
    await page.getByRole('img', { name: /^Bar chart: of 3 participants/ }).waitFor();
    await page.getByText('Table: completion funnel').click();
    const funnel = page.getByRole('table', { name: 'Enrolled, tried and reflected per thing' });
    await expect.poll(() => funnel.getByRole('row').nth(1).textContent()).toBe('1. Thing 1321');
    const grid = page.getByRole('table', { name: 'Progress thing by thing' });
    await expect
      .poll(() => grid.getByRole('row', { name: /^Ada Lovelace/ }).textContent())
      .toMatch(/^Ada LovelaceSpring cohort14 \(behind\)● Reflected \(private\)● Reflected—/);
    expect(await page.content()).not.toContain('A private worry');
    await expectNoAxeViolations(page, 'programme progress, 1280 px');

    // Those behind, chosen by keyboard.
    await page.getByLabel('Show').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Show').inputValue()).toBe('behind');
    await expect.poll(() => grid.getByRole('row').count()).toBe(4);

    // Chosen people, by keyboard: Ada and Ben ticked in the grid (only rows behind have a box), nudged alone.
    await tabTo(page, grid.getByRole('checkbox', { name: 'Choose Ada Lovelace to nudge' }));
    await page.keyboard.press('Space');
    await tabTo(page, grid.getByRole('checkbox', { name: 'Choose Ben Okri to nudge' }));
    await page.keyboard.press('Space');
    await tabAndEnter(page, page.getByRole('button', { name: 'Nudge the chosen (2)' }), 200);
    const ask = page.getByRole('dialog', { name: 'Nudge the chosen?' });
    await ask.getByText(/^Ada Lovelace, Ben Okri each get a kind reminder/).waitFor();
    expect(await focusIsIn(ask)).toBe(true);
    await expectNoAxeViolations(page, 'programme progress, nudging the chosen');
    await ask.getByRole('button', { name: 'Send the nudge' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Nudged 2\.$/ })
      .waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Nudge the chosen (0)' }).isDisabled()).toBe(true);
    expect(await grid.getByRole('checkbox', { name: 'Choose Ada Lovelace to nudge' }).isChecked()).toBe(false);

    // Then those behind, after the question: only Cy is nudged; the page names who was nudged today already.
    await page.getByRole('button', { name: 'Nudge those behind' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nudge those behind?' });
    await dialog.getByText(/3 participants get a kind reminder/).waitFor();
    await dialog.getByRole('button', { name: 'Send the nudge' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Nudged/ })
          .textContent(),
      )
      .toBe('Nudged 1. Skipped, nudged today already: Ada Lovelace, Ben Okri.');
    await expectNoAxeViolations(page, 'programme progress, nudged');

    // The CSV: a row per participant, a column per thing, no private text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Library 23 things – progress.csv');
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'Name,Cohort,Enrolled on,Status,Days behind,Completed on,1. Thing 1,2. Thing 2,3. Thing 3,4. Thing 4,5. Thing 5,6. Thing 6',
    );
    expect(csv).toContain('Reflected (private)');
    expect(csv).not.toContain('A private worry');
    await screenshot(page, 'programme-progress');

    // On a phone: the same page, the grid scrolling sideways.
    const phone = await newPage(env, 390, { storageState: await context.storageState() });
    await phone.page.goto(`/orgs/${orgId}/programmes/manage/${fx.programme.id}/progress`);
    await phone.page.getByRole('table', { name: 'Progress thing by thing' }).waitFor();
    await expectNoAxeViolations(phone.page, 'programme progress, 390 px');
    await phone.context.close();
  });
});
