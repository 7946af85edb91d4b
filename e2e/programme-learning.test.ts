import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { OrgRow } from '../src/test/factories.js';
import { createCohort, createProgramme } from '../src/test/programme-fixture.js';
import { expectNoAxeViolations } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Taking part in a programme, as two colleagues do: the learner finds it in the catalogue, enrols in a cohort
 * (adding it to her plan), reads thing 1, marks it tried and shares a reflection with the cohort; a colleague
 * in the same cohort, in a browser of their own, reads it on the cohort's page and comments. The programme is
 * inserted directly (authoring is another part of the app).
 */

const env = serverAndBrowser();

describe('taking part in a programme', () => {
  it('enrols from the catalogue, tries thing 1, reflects with the cohort, and a cohort colleague comments', async () => {
    const { page: learner, orgId } = await learnerWithPlan(env, 'Lena Learner', 'Harbour Library', ['Learn more']);
    const colleague = await colleagueJoins(env, learner, orgId, 'Cleo Colleague');
    const db = env.server.ctx.db;
    const { programme, things } = await createProgramme(db, { id: orgId } as OrgRow, {
      title: 'Library 23 Things',
      weeks: [{ things: 2 }, { things: 2 }],
    });
    const startsOn = format(addDays(new Date(), -2), 'yyyy-MM-dd');
    const cohort = await createCohort(db, programme.id, { name: 'Spring cohort', startsOn, capacity: 20 });
    const thing1 = things[0]?.id as string;

    // The catalogue, at phone width and at desk width.
    await learner.setViewportSize({ width: 390, height: 800 });
    await learner.goto(`/orgs/${orgId}/programmes`);
    const card = learner.getByRole('article', { name: 'Library 23 Things' });
    await card.getByText(/Spring cohort: starts/).waitFor();
    await expectNoAxeViolations(learner, 'catalogue (390 px)');
    await learner.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeViolations(learner, 'catalogue (1280 px)');

    // Enrolling: what organisers see is said first; the cohort and "add to my plan" are chosen.
    await card.getByRole('link', { name: 'Library 23 Things' }).click();
    await learner.getByRole('heading', { name: 'Library 23 Things', level: 1 }).waitFor();
    const enrol = learner.getByRole('form', { name: 'Take part' });
    await enrol.getByText(/^Organisers see which things you marked tried and reflected on/).waitFor();
    await expectNoAxeViolations(learner, 'programme page, before enrolling');
    await enrol.getByLabel(/With Spring cohort/).check();
    await expect.poll(() => enrol.getByLabel(/Add it to my plan/).isChecked()).toBe(true);
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    const week = learner.getByRole('region', { name: 'This week' });
    await week.getByText('0 of 4 things done').waitFor();
    await expectNoAxeViolations(learner, 'programme page, this week');

    // Thing 1: read it, mark it tried, reflect with the cohort (a live word count as she writes).
    await week.getByRole('link', { name: 'Thing 1' }).click();
    await learner.getByRole('heading', { name: 'Thing 1: Thing 1', level: 1 }).waitFor();
    await learner.getByLabel('I tried it').check();
    await expect.poll(() => learner.getByLabel('I tried it').isChecked()).toBe(true);
    const reflect = learner.getByRole('form', { name: 'Reflect' });
    await reflect.getByLabel('Your reflection').fill('Tagging photos was quicker than I feared.');
    await reflect.getByText('7 words').waitFor();
    await expect.poll(() => reflect.getByLabel('My cohort').isChecked()).toBe(true);
    await learner.setViewportSize({ width: 390, height: 800 });
    await expectNoAxeViolations(learner, 'thing page (390 px)');
    await learner.setViewportSize({ width: 1280, height: 900 });
    await reflect.getByRole('button', { name: 'Share my reflection' }).click();
    await learner.getByText(/You reflected on it/).waitFor();
    await expectNoAxeViolations(learner, 'thing page, reflected (1280 px)');
    // Home shows how far she is and what comes next.
    await learner.goto(`/orgs/${orgId}`);
    const next = learner.locator('.next-card', { hasText: 'Library 23 Things' });
    await next.getByText(/^1 of 4 things done\. Next: Thing 3 on \w+day \d+ \w+\.$/).waitFor();
    await next.getByRole('link', { name: 'Open the programme' }).waitFor();

    // The colleague joins the same cohort and reads the reflection on the cohort's page, then comments.
    const joined = await colleague.request.post(`/api/programmes/${programme.id}/enrolments`, {
      data: { cohortId: cohort.id, addGoal: false },
    });
    expect(joined.status()).toBe(201);
    await colleague.goto(`/orgs/${orgId}/cohorts/${cohort.id}/things/${thing1}`);
    const post = colleague.getByRole('article', { name: 'Thing 1: Thing 1' });
    await post.getByText('Tagging photos was quicker than I feared.').waitFor();
    await expectNoAxeViolations(colleague, 'cohort reflections (1280 px)');
    await post.getByRole('button', { name: 'Comments (0)' }).click();
    await post.getByLabel('Comment on Thing 1: Thing 1').fill('Same here: try the **bulk tagger**.');
    await post.getByRole('button', { name: 'Add comment' }).click();
    await post.locator('.comment-body strong', { hasText: 'bulk tagger' }).waitFor();
    await colleague.setViewportSize({ width: 390, height: 800 });
    await expectNoAxeViolations(colleague, 'cohort reflections (390 px)');
    await colleague.goto(`/orgs/${orgId}/cohorts/${cohort.id}`);
    await colleague.getByText('Lena Learner: 1 of 4 things').waitFor();
    await expectNoAxeViolations(colleague, 'cohort page (390 px)');
  });
});
