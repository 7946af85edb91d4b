import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { colleagueJoins, newPage, serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * Recognition on request: a learner with an achieved goal asks for a badge; her supervisor approves; she sees it
 * in her portfolio and on the shared portfolio link she chose to show badges on. The owner names the issuer and
 * rotates its signing key, and the credential issued before still verifies; the achievement's own page answers
 * at the address the credential names. A decline goes through the routes. axe at 1280 and 390 px.
 */

const env = serverAndBrowser();

/** The JSON of an API call made in the test's setup, which must succeed. */
const ok = async (response: Promise<{ status(): number; text(): Promise<string> }>) => {
  const res = await response;
  const body = await res.text();
  expect(res.status(), body).toBeLessThan(300);
  // biome-ignore lint/suspicious/noExplicitAny: set-up answers are read field by field
  return (body ? JSON.parse(body) : {}) as Record<string, any>;
};

async function axeAtBothWidths(page: Page, label: string) {
  await expectNoAxeViolations(page, `${label} at 1280 px`);
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, `${label} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('recognition on request', () => {
  it('a learner asks, her supervisor approves, the badge travels and survives a key rotation', async () => {
    const { page: owner } = await signUpWithOrganisation(env, 'Rae Owner', 'Recognition Library');
    const orgId = (await ok(owner.request.get('/api/me'))).memberships[0].organizationId as string;
    const learner = await colleagueJoins(env, owner, orgId, 'Lia Learner');
    const supervisor = await colleagueJoins(env, owner, orgId, 'Sam Supervisor');
    const memberOf = async (page: Page) => (await ok(page.request.get('/api/me'))).memberships[0].memberId as string;
    const [liaId, samId] = [await memberOf(learner), await memberOf(supervisor)];
    await ok(owner.request.patch(`/api/orgs/${orgId}/members/${liaId}`, { data: { supervisorId: samId } }));

    // The owner defines an achievement learners may ask for.
    await owner.goto(`/orgs/${orgId}/badges`);
    await owner.getByLabel('Name', { exact: true }).fill('Workshop host');
    await owner.getByLabel('Description').fill('Ran a workshop colleagues learned from.');
    await owner.getByLabel('Criteria: what earns it').fill('Hosted a workshop and shared what came of it.');
    await owner.getByRole('checkbox', { name: 'Learners may ask for it for a goal they achieved' }).check();
    await owner.getByRole('button', { name: 'Define the achievement' }).click();
    await owner.getByRole('article', { name: 'Workshop host' }).getByText('open to requests').waitFor();

    // Lia's goal is achieved, with evidence.
    const plan = await ok(learner.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027' } }));
    const goal = await ok(learner.request.post(`/api/plans/${plan.id}/goals`, { data: { what: 'Run a workshop' } }));
    await ok(
      learner.request.post(`/api/plans/${plan.id}/goals/${goal.id}/evidence`, {
        data: { kind: 'link', title: 'Workshop slides', url: 'https://example.org/slides', occurredOn: '2027-03-01' },
      }),
    );
    await ok(
      learner.request.patch(`/api/plans/${plan.id}/goals/${goal.id}`, {
        data: { status: 'achieved', version: goal.version },
      }),
    );

    // She asks from the goal itself.
    await learner.goto(`/orgs/${orgId}/plans/${plan.id}/goals`);
    await learner.getByRole('link', { name: /^Ask for recognition/ }).click();
    await learner.getByRole('heading', { name: 'Recognition', level: 1 }).waitFor();
    await expect.poll(() => learner.getByLabel('Achieved goal').inputValue()).toBe(goal.id);
    await learner.getByLabel('Achievement').selectOption({ label: 'Workshop host' });
    await learner.getByLabel('Your message').fill('I ran the workshop for twelve colleagues; the slides are attached.');
    await learner.getByRole('button', { name: 'Ask for recognition' }).click();
    await learner.getByText('Asked. You will be told when it is answered.').waitFor();
    await learner
      .getByRole('article', { name: 'Workshop host for Run a workshop' })
      .getByText(/^Waiting since/)
      .waitFor();
    await axeAtBothWidths(learner, 'recognition, the learner');

    // Her supervisor reads it with the evidence, and approves.
    await supervisor.goto(`/orgs/${orgId}/recognition`);
    const request = supervisor.getByRole('article', { name: 'Lia Learner’s request for Workshop host' });
    await request.getByRole('link', { name: 'Workshop slides' }).waitFor();
    await request.getByText('I ran the workshop for twelve colleagues').waitFor();
    await axeAtBothWidths(supervisor, 'recognition, the supervisor');
    await request.getByRole('button', { name: 'Approve and award Lia Learner’s request for Workshop host' }).click();
    await request.waitFor({ state: 'detached' });

    // Lia finds the badge in her portfolio and shows it on a shared link.
    await learner.goto(`/orgs/${orgId}/portfolio`);
    const badge = learner.getByRole('article', { name: 'Workshop host' });
    await badge.waitFor();
    const verificationUrl = (await badge
      .getByRole('link', { name: /Verification page/ })
      .getAttribute('href')) as string;
    await learner.getByRole('checkbox', { name: 'Show my badges on the shared link' }).check();
    await learner.getByRole('button', { name: 'Make a link' }).click();
    const link = await learner.getByLabel('The new secret link').innerText();
    for (const width of [1280, 390]) {
      const { page: visitor, context } = await newPage(env, width);
      await visitor.goto(link);
      await visitor.getByRole('heading', { name: 'Badges', level: 2 }).waitFor();
      const shown = visitor.getByRole('article', { name: 'Workshop host' });
      expect(await shown.getByRole('link', { name: /Verify this badge/ }).getAttribute('href')).toBe(verificationUrl);
      await expectNoAxeViolations(visitor, `shared portfolio with badges at ${width} px`);
      await context.close();
    }

    // The owner names the issuer and rotates its key; the credential issued before still verifies.
    await owner.goto(`/orgs/${orgId}/badges`);
    await owner.getByLabel('Issuer name').fill('Recognition Library Academy');
    await owner.getByRole('button', { name: 'Save the issuer profile' }).click();
    await owner.getByText('Saved. New credentials name the issuer this way.').waitFor();
    await owner.getByText(/#key-1$/).waitFor();
    await owner.getByRole('button', { name: 'Rotate the signing key' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByText('Credentials issued before still verify').waitFor();
    await dialog.getByRole('button', { name: 'Rotate the key' }).click();
    await owner.getByText('A new key signs from now on.').waitFor();
    await owner.getByText(/#key-2$/).waitFor();
    await owner.getByText('1 earlier key stays published: what they signed still verifies.').waitFor();
    await axeAtBothWidths(owner, 'badges admin with the issuer');

    const { page: visitor, context } = await newPage(env);
    await visitor.goto(verificationUrl);
    await visitor.getByText('Verified.').waitFor();
    await visitor.getByText('Awarded to Lia Learner by Recognition Library', { exact: false }).waitFor();
    // The achievement the credential names answers at its own address.
    const credential = await ok(visitor.request.get(`/api/credentials/${verificationUrl.split('/').at(-1)}/download`));
    await visitor.goto(credential.credentialSubject.achievement.id);
    await visitor.getByRole('heading', { name: 'Workshop host', level: 1 }).waitFor();
    await visitor.getByText('Hosted a workshop and shared what came of it.').waitFor();
    await axeAtBothWidths(visitor, 'achievement page');
    await context.close();

    // A decline, through the routes: the learner is told why, and sees it on her page.
    const mentor = await ok(
      owner.request.post(`/api/orgs/${orgId}/achievements`, {
        data: {
          name: 'Mentor',
          description: 'Mentors others.',
          criteria: 'Mentored two colleagues.',
          openToRequests: true,
        },
      }),
    );
    const asked = await ok(
      learner.request.post(`/api/plans/${plan.id}/goals/${goal.id}/recognition-requests`, {
        data: { achievementId: mentor.id, message: 'I mentored Sam’s new starter.' },
      }),
    );
    const declined = await ok(
      supervisor.request.post(`/api/recognition-requests/${asked.id}/decline`, {
        data: { reason: 'One colleague so far: ask again after the second.' },
      }),
    );
    expect(declined.state).toBe('declined');
    const again = await supervisor.request.post(`/api/recognition-requests/${asked.id}/approve`);
    expect(again.status()).toBe(409);
    await learner.goto(`/orgs/${orgId}/recognition`);
    const mine = learner.getByRole('article', { name: 'Mentor for Run a workshop' });
    await mine.getByText('One colleague so far: ask again after the second.').waitFor();
    await mine.getByText(/^Declined/).waitFor();
  }, 240_000);
});
