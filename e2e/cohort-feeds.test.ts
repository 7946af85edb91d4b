import { randomUUID } from 'node:crypto';
import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { programmeBlogFeed, programmeFeedItem } from '../src/db/schema/index.js';
import type { OrgRow } from '../src/test/factories.js';
import { createCohort, createProgramme } from '../src/test/programme-fixture.js';
import { expectNoAxeViolations } from './support/browser.js';
import { focusIsIn, tabAndEnter } from './support/keyboard.js';
import { learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * A participant follows her cohort in a feed reader: on the cohort page she makes a feed link by keyboard, sees
 * the two addresses with what a holder of the link can read, and the Atom address (fetched as a feed reader
 * would, with the page's request context) holds the reflection she shared with the cohort, not her private one.
 */

const env = serverAndBrowser();

describe('a cohort’s feeds', () => {
  it('makes a personal feed link on the cohort page whose Atom feed holds the cohort’s reflection', async () => {
    const { page, orgId } = await learnerWithPlan(env, 'Ines Reader', 'Quay Library', ['Learn more']);
    const db = env.server.ctx.db;
    const { programme, things } = await createProgramme(db, { id: orgId } as OrgRow, {
      title: 'Library 23 Things',
      weeks: [{ things: 2 }],
    });
    const startsOn = format(addDays(new Date(), -2), 'yyyy-MM-dd');
    const cohort = await createCohort(db, programme.id, { name: 'Autumn cohort', startsOn });
    const enrolled = await page.request.post(`/api/programmes/${programme.id}/enrolments`, {
      data: { cohortId: cohort.id, addGoal: false },
    });
    expect(enrolled.status()).toBe(201);
    const enrolmentId = ((await enrolled.json()) as { id: string }).id;
    const reflect = async (thingId: string, title: string, visibility: string) => {
      const res = await page.request.post(`/api/enrolments/${enrolmentId}/things/${thingId}/reflection`, {
        data: { kind: 'post', title, body: `${title}, in a few words.`, visibility },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
    };
    await reflect(things[0]?.id as string, 'Blogging with the cohort', 'cohort');
    await reflect(things[1]?.id as string, 'A diary just for me', 'private');

    await page.goto(`/orgs/${orgId}/cohorts/${cohort.id}`);
    await page.getByRole('heading', { name: 'Autumn cohort', level: 1 }).waitFor();
    const feeds = page.getByRole('region', { name: 'Feeds' });
    await feeds.getByText('You have no link yet.').waitFor();
    await feeds.getByText(/Anyone who has your link can read, without signing in/).waitFor();
    await expectNoAxeViolations(page, 'cohort page, no feed link (1280 px)');

    // By keyboard: the button makes the link, and the focus lands on the first address.
    await tabAndEnter(page, feeds.getByRole('button', { name: 'Make a feed link' }));
    const atom = feeds.getByRole('textbox', { name: 'Reflections feed address (Atom)' });
    await atom.waitFor();
    expect(await focusIsIn(atom)).toBe(true);
    const opml = feeds.getByRole('textbox', { name: 'Blogs list address (OPML)' });
    await feeds.getByRole('button', { name: 'Copy the reflections feed address' }).waitFor();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await feeds.getByRole('button', { name: 'Copy the blogs list address' }).click();
    await page.getByRole('region', { name: 'Status messages' }).getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await opml.inputValue());
    await feeds.getByRole('button', { name: 'Make a new link (the old one stops working)' }).waitFor();
    await expectNoAxeViolations(page, 'cohort page, feed link made (1280 px)');
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoAxeViolations(page, 'cohort page, feed link made (390 px)');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The feed reader's fetch: the cohort's reflection is in it, the private one is not.
    const atomUrl = await atom.inputValue();
    expect(atomUrl).toMatch(/\/api\/cohort-feeds\/[A-Za-z0-9_-]{43}\/reflections\.atom$/);
    expect(await opml.inputValue()).toMatch(/\/blogs\.opml$/);
    const fetched = await page.request.get(new URL(atomUrl).pathname);
    expect(fetched.status()).toBe(200);
    expect(fetched.headers()['content-type']).toContain('application/atom+xml');
    const body = await fetched.text();
    expect(body).toContain('Blogging with the cohort');
    expect(body).toContain('Ines Reader');
    expect(body).not.toContain('A diary just for me');

    // Turning it off: the address answers 404 at once.
    await tabAndEnter(page, feeds.getByRole('button', { name: 'Turn off the link' }));
    await feeds.getByText('You have no link yet.').waitFor();
    expect((await page.request.get(new URL(atomUrl).pathname)).status()).toBe(404);
  });

  it('lets an organiser open what Waymark read from a participant’s blog, from the progress page', async () => {
    // She signed up with the organisation, so she is its owner: an organiser of its programmes (and here also a
    // participant, whose blog Waymark read once and then failed to read).
    const { page, orgId } = await learnerWithPlan(env, 'Omar Organiser', 'Pier Library', ['Learn more']);
    const db = env.server.ctx.db;
    const { programme, things } = await createProgramme(db, { id: orgId } as OrgRow, {
      title: 'Pier 23 Things',
      weeks: [{ things: 2 }],
    });
    const startsOn = format(addDays(new Date(), -2), 'yyyy-MM-dd');
    const cohort = await createCohort(db, programme.id, { name: 'Winter cohort', startsOn });
    const enrolled = await page.request.post(`/api/programmes/${programme.id}/enrolments`, {
      data: { cohortId: cohort.id, addGoal: false },
    });
    const enrolmentId = ((await enrolled.json()) as { id: string }).id;
    await db.insert(programmeBlogFeed).values({
      enrolmentId,
      feedUrl: 'https://omar.example/feed.xml',
      siteUrl: 'https://omar.example/',
      title: 'Omar on the pier',
      lastReadAt: new Date('2026-12-01T08:00:00Z'),
      lastError: 'Your blog did not answer within 10 seconds.',
      lastErrorAt: new Date('2026-12-02T08:00:00Z'),
    });
    await db.insert(programmeFeedItem).values({
      id: randomUUID(),
      enrolmentId,
      guid: 'omar-1',
      link: 'https://omar.example/thing-1',
      title: 'Trying thing one',
      summary: 'It went well.',
      publishedAt: new Date('2026-11-30T10:00:00Z'),
      thingId: things[0]?.id,
    });

    await page.goto(`/orgs/${orgId}/programmes/manage/${programme.id}/progress`);
    await tabAndEnter(page, page.getByRole('link', { name: 'Omar Organiser’s blog' }));
    await page.getByRole('heading', { name: 'Omar Organiser’s blog', level: 1 }).waitFor();
    await page.getByText(/Your blog did not answer within 10 seconds\./).waitFor();
    await page.getByRole('heading', { name: 'Trying thing one' }).waitFor();
    await page.getByText('Offered for Thing 1: Thing 1.').waitFor();
    await expectNoAxeViolations(page, 'a participant’s blog for organisers (1280 px)');
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoAxeViolations(page, 'a participant’s blog for organisers (390 px)');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
