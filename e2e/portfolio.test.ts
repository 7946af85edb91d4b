import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * The portfolio: a learner achieves a goal, adds evidence, shares the portfolio by a secret link; someone
 * signed out opens the link, reads it, downloads a file, prints it; the learner revokes the link and it stops.
 */

const env = serverAndBrowser();

describe('portfolio', () => {
  it('is shared by a secret link that a signed-out visitor can open until it is revoked', async () => {
    const { page } = await signUpWithOrganisation(env, 'Pia Portfolio', 'Portfolio Library');
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Nothing achieved yet: the page says what will appear, and the portfolio is private.
    await nav.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.getByText('When you mark a goal as achieved it appears here, with its evidence').waitFor();
    await page.getByText('No links yet: your portfolio is private.').waitFor();
    await expectNoAxeViolations(page, 'portfolio (empty)');

    // A goal in the plan, marked as achieved through the page.
    await nav.getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('link', { name: '2. Goals' }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('What do you need to learn?').fill('Run a cataloguing workshop');
    await page.getByLabel('How will you know you have learned it?').fill('Colleagues ask for a second part');
    await page.getByLabel('Status').selectOption({ label: 'Achieved' });
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');

    // Evidence through the API, as the learner (the page's own session).
    const planId = /\/plans\/([^/]+)\//.exec(page.url())?.[1] as string;
    const goals = (await (await page.request.get(`/api/plans/${planId}/goals`)).json()) as { items: { id: string }[] };
    const goalId = goals.items[0]?.id as string;
    const evidenceUrl = `/api/plans/${planId}/goals/${goalId}/evidence`;
    const note = await page.request.post(evidenceUrl, {
      data: { kind: 'note', title: 'Feedback from the team', note: 'Eight came; all want a second part.' },
    });
    expect(note.status(), await note.text()).toBe(201);
    const link = await page.request.post(evidenceUrl, {
      data: { kind: 'link', title: 'Workshop slides', url: 'https://example.org/slides' },
    });
    expect(link.status(), await link.text()).toBe(201);
    const file = await page.request.post(`${evidenceUrl}/files`, {
      multipart: {
        file: { name: 'handout.txt', mimeType: 'text/plain', buffer: Buffer.from('What a MARC record holds') },
      },
    });
    expect(file.status(), await file.text()).toBe(201);

    await nav.getByRole('link', { name: 'Portfolio' }).click();
    const goal = page.getByRole('article', { name: 'Run a cataloguing workshop' });
    await goal.waitFor();
    await goal.getByText('Colleagues ask for a second part').waitFor();
    await goal.getByText('Feedback from the team').waitFor();
    await goal.getByRole('link', { name: 'Workshop slides' }).waitFor();
    await goal.getByRole('link', { name: 'Download handout.txt' }).waitFor();
    await expectNoAxeViolations(page, 'portfolio');

    // A secret link, shown once.
    await page.getByLabel('Label (optional)').fill('Job application');
    await page.getByRole('button', { name: 'Make a link' }).click();
    const shown = page.getByLabel('The new secret link');
    await shown.waitFor();
    const secretUrl = (await shown.textContent()) ?? '';
    expect(secretUrl).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const row = page.getByRole('row', { name: /Job application/ });
    await row.getByText('Not yet').waitFor();
    await expectNoAxeViolations(page, 'portfolio with a new link');
    await screenshot(page, 'portfolio');

    // Someone else, signed out, in a browser of their own.
    const visitorContext = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(secretUrl);
    await visitor.getByRole('heading', { name: 'Learning portfolio of Pia Portfolio', level: 1 }).waitFor();
    expect(await visitor.getByRole('button', { name: /^Account: / }).count()).toBe(0);
    const shared = visitor.getByRole('article', { name: 'Run a cataloguing workshop' });
    await shared.getByText('Eight came; all want a second part.').waitFor();
    expect(await shared.getByRole('link', { name: 'Workshop slides' }).getAttribute('href')).toBe(
      'https://example.org/slides',
    );
    expect(await visitor.locator('body').textContent()).not.toContain('@example.test');
    expect(await visitor.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      shared.getByRole('link', { name: 'Download handout.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('handout.txt');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe('What a MARC record holds');
    await expectNoAxeViolations(visitor, 'shared portfolio');
    await screenshot(visitor, 'portfolio-shared');

    // On paper: the portfolio only, with the addresses of its links.
    await visitor.emulateMedia({ media: 'print' });
    expect(await visitor.locator('.site-header').isVisible()).toBe(false);
    expect(await visitor.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    await screenshot(visitor, 'portfolio-shared-print');
    await visitor.emulateMedia({ media: 'screen' });

    // The learner sees the link was opened, then revokes it.
    await page.reload();
    await expect.poll(() => row.locator('td').nth(3).textContent()).not.toBe('Not yet');
    page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect(await row.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);

    await visitor.reload();
    await visitor.getByRole('heading', { name: 'This link does not work (any more)' }).waitFor();
    expect(await visitor.getByText('Run a cataloguing workshop').count()).toBe(0);
    await expectNoAxeViolations(visitor, 'portfolio link that does not work');
    await screenshot(visitor, 'portfolio-link-revoked');
    await visitorContext.close();
  });
});
