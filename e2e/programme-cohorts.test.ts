import { describe, expect, it } from 'vitest';
import { addMember } from '../src/test/factories.js';
import { createCohort, createProgramme, enrolAll } from '../src/test/programme-progress-fixture.js';
import { localDatePlus } from '../src/test/reminder-clock.js';
import { expectNoAxeViolations } from './support/browser.js';
import { dateValue, fillDate } from './support/date-field.js';
import { focusIsIn, tabAndEnter } from './support/keyboard.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * An organiser changes a cohort from the programme's editor, by keyboard: its name, start date, capacity and
 * last day to join. A capacity below the two people already in it is refused with the server's reason under
 * the field; deleting a cohort people have joined is refused, saying why; an empty cohort is deleted.
 */

const env = serverAndBrowser();

describe("editing a programme's cohorts", () => {
  it('changes a cohort by keyboard, explains a refused capacity and a refused delete; axe-clean', async () => {
    const { page } = await signUpWithOrganisation(env, 'Olga Organiser', 'Cohort Library');
    const me = await (await page.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    const db = env.server.ctx.db;
    const org = { id: orgId } as Parameters<typeof addMember>[1];
    const people = [];
    for (const name of ['Ada Lovelace', 'Ben Okri']) {
      const m = await addMember(db, org, { name });
      people.push({ memberId: m.id, userId: m.userId });
    }
    const fx = await createProgramme(db, orgId, { title: 'Library 23 things' });
    const startsOn = localDatePlus('UTC', 7);
    const spring = await createCohort(db, fx.programme.id, startsOn, 'Spring');
    await createCohort(db, fx.programme.id, startsOn, 'Empty');
    await enrolAll(db, fx.programme, people, { cohortId: spring.id, startedOn: startsOn });

    await page.goto(`/orgs/${orgId}/programmes/manage/${fx.programme.id}`);
    const cohorts = page.getByRole('region', { name: 'Cohorts' });
    await cohorts.getByText(/Spring: starts .* · 2 participants/).waitFor();

    // Edit by keyboard: the form opens in place with the cohort's values.
    await tabAndEnter(page, cohorts.getByRole('button', { name: 'Edit Spring' }), 200);
    const form = page.getByRole('form', { name: 'Change Spring' });
    await form.waitFor();
    expect(await dateValue(form, 'startsOn')).toBe(startsOn);
    await form.getByLabel('Name').fill('Spring 2027');
    await fillDate(form, 'Starts on', localDatePlus('UTC', 14));
    await form.getByLabel('Capacity (optional)').fill('1');
    await form.getByLabel('Capacity (optional)').press('Enter');
    const capacityError = form.locator('.field-error', {
      hasText: '2 people are in this cohort already: capacity is at least that.',
    });
    await capacityError.waitFor();
    expect(await form.getByLabel('Capacity (optional)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'cohort form with a refused capacity (1280 px)');
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoAxeViolations(page, 'cohort form with a refused capacity (390 px)');
    await page.setViewportSize({ width: 1280, height: 900 });

    await form.getByLabel('Capacity (optional)').fill('5');
    await fillDate(form, 'Last day to join (optional)', localDatePlus('UTC', 20));
    await tabAndEnter(page, form.getByRole('button', { name: 'Save the cohort' }));
    await cohorts.getByText(/Spring 2027: starts .*, join by .* · 2 of 5 participants/).waitFor();
    // The focus returns to the cohort's "Edit" button.
    await expect
      .poll(() =>
        cohorts.getByRole('button', { name: 'Edit Spring 2027' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    const stored = await (await page.request.get(`/api/programmes/${fx.programme.id}/cohorts`)).json();
    expect(stored.cohorts.find((c: { id: string }) => c.id === spring.id)).toMatchObject({
      name: 'Spring 2027',
      startsOn: localDatePlus('UTC', 14),
      capacity: 5,
      joinBy: localDatePlus('UTC', 20),
    });

    // Cancelling leaves it as it was.
    await tabAndEnter(page, cohorts.getByRole('button', { name: 'Edit Spring 2027' }));
    await page.getByRole('form', { name: 'Change Spring 2027' }).getByLabel('Name').fill('Not this');
    await tabAndEnter(page, page.getByRole('button', { name: 'Cancel' }));
    await cohorts.getByText(/Spring 2027: starts/).waitFor();
    expect(await focusIsIn(cohorts.getByRole('button', { name: 'Edit Spring 2027' }))).toBe(true);

    // Deleting: refused with people in it, saying why; the empty one goes.
    await tabAndEnter(page, cohorts.getByRole('button', { name: 'Delete Spring 2027' }));
    await cohorts
      .getByRole('alert')
      .getByText('People have joined this cohort: it cannot be deleted. Change its dates or capacity instead.')
      .waitFor();
    await expectNoAxeViolations(page, 'cohorts with a refused delete');
    // Listed first (it starts sooner): the Tab key goes round the page to reach it.
    await tabAndEnter(page, cohorts.getByRole('button', { name: 'Delete Empty' }), 200);
    await expect.poll(() => cohorts.getByText(/^Empty: starts/).count()).toBe(0);
    await cohorts.getByText(/Spring 2027: starts/).waitFor();
  });
});
