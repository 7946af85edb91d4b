import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portfolioLink } from '../../db/schema/index.js';
import { type ActorKind, type Cast, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { endOfDayIn } from '../settings/local-time.js';
import type { CreatedPortfolioLink, PortfolioLinkView, PortfolioView } from './portfolio.schema.js';

const t = await createTestApp();
const { app } = t;
const doesNotWork = 'This portfolio link does not work (any more).';

async function call(
  c: Cast,
  who: ActorKind,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return app.inject({ method, url, headers: c.as(who), ...(payload && { payload }) });
}

async function ok<T>(res: Awaited<ReturnType<typeof call>>, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return (res.statusCode === 204 ? undefined : res.json()) as T;
}

/** A plan of `who` in `orgId` with the given goals; answers the plan id and the goals' ids in order. */
async function planWith(c: Cast, who: ActorKind, orgId: string, cycle: string, goals: Record<string, unknown>[]) {
  const plan = await ok<{ id: string }>(
    await call(c, who, 'POST', '/api/plans', { organizationId: orgId, cycle }),
    201,
  );
  const ids: string[] = [];
  for (const g of goals) {
    ids.push((await ok<{ id: string }>(await call(c, who, 'POST', `/api/plans/${plan.id}/goals`, g), 201)).id);
  }
  return { planId: plan.id, goalIds: ids };
}

async function addNote(c: Cast, who: ActorKind, planId: string, goalId: string, title: string) {
  const url = `/api/plans/${planId}/goals/${goalId}/evidence`;
  return ok<{ id: string }>(await call(c, who, 'POST', url, { kind: 'note', title, note: `About ${title}` }), 201);
}

async function addFile(c: Cast, who: ActorKind, planId: string, goalId: string, name: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text]), name);
  const encoded = new Response(form);
  const res = await app.inject({
    method: 'POST',
    url: `/api/plans/${planId}/goals/${goalId}/evidence/files`,
    headers: { ...c.as(who), 'content-type': encoded.headers.get('content-type') as string },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  return ok<{ id: string }>(res, 201);
}

async function makeLink(c: Cast, body: Record<string, unknown> = {}, who: ActorKind = 'self') {
  const link = await ok<CreatedPortfolioLink>(
    await call(c, who, 'POST', '/api/portfolio/links', { organizationId: c.org.id, ...body }),
    201,
  );
  const token = link.url.split('/p/')[1] as string;
  return { link, token, shared: `/api/portfolio/shared/${token}` };
}

const open = (url: string) => app.inject({ method: 'GET', url });

async function expectDoesNotWork(url: string) {
  const res = await open(url);
  expect(res.statusCode).toBe(404);
  expect(res.json().error).toEqual({ code: 'not_found', message: doesNotWork });
  expect(res.headers['cache-control']).toBe('private, no-store');
}

describe('the portfolio', () => {
  it("shows only the learner's own achieved goals in that organisation, with their evidence", async () => {
    const c = await createCast(t);
    const mine = await planWith(c, 'self', c.org.id, '2027', [
      {
        what: 'Run a cataloguing workshop',
        why: 'New colleagues struggle with the catalogue',
        evidence: 'Eight colleagues come and want a second part',
        targetDate: '2027-05-31',
        topics: ['cataloguing', 'teaching'],
        status: 'achieved',
      },
      { what: 'Learn SQL', status: 'active' },
      { what: 'Read the new cataloguing rules', status: 'achieved' },
    ]);
    const older = await planWith(c, 'self', c.org.id, '2026', [{ what: 'Give a lightning talk', status: 'achieved' }]);
    const [workshop, sql, rules] = mine.goalIds as [string, string, string];
    const note = await addNote(c, 'self', mine.planId, workshop, 'Feedback from the team');
    const link = await ok<{ id: string }>(
      await call(c, 'self', 'POST', `/api/plans/${mine.planId}/goals/${workshop}/evidence`, {
        kind: 'link',
        title: 'Slides',
        url: 'https://example.org/slides',
      }),
      201,
    );
    const file = await addFile(c, 'self', mine.planId, workshop, 'handout.txt', 'What a MARC record holds');
    await addNote(c, 'self', mine.planId, sql, 'Not finished: must not show');
    // Another member's achieved goal, and the learner's own in another organisation: neither belongs here.
    await planWith(c, 'otherMember', c.org.id, '2027', [{ what: 'Someone else’s goal', status: 'achieved' }]);
    const elsewhere = await createOrg(t.db);
    await addMember(t.db, elsewhere.org, { user: c.people.self });
    // Joined behind the app's back: announced as the app's own writers would.
    await t.ctx.changes.announce({ kind: 'memberships', userId: c.people.self.id });
    await planWith(c, 'self', elsewhere.org.id, '2027', [
      { what: 'A goal in another organisation', status: 'achieved' },
    ]);

    const res = await call(c, 'self', 'GET', `/api/portfolio?orgId=${c.org.id}`);
    const portfolio = await ok<PortfolioView>(res);
    expect(portfolio.learnerName).toBe(c.people.self.name);
    expect(portfolio.organizationName).toBe(c.org.name);
    expect(portfolio.goals.map((g) => [g.what, g.cycle])).toEqual([
      ['Run a cataloguing workshop', '2027'],
      ['Read the new cataloguing rules', '2027'],
      ['Give a lightning talk', '2026'],
    ]);
    expect(portfolio.goals.map((g) => g.id)).toEqual([workshop, rules, older.goalIds[0]]);
    const [first] = portfolio.goals;
    expect(first).toMatchObject({
      planId: mine.planId,
      why: 'New colleagues struggle with the catalogue',
      howYouKnew: 'Eight colleagues come and want a second part',
      targetDate: '2027-05-31',
      topics: ['cataloguing', 'teaching'],
    });
    expect(first?.evidence.map((e) => [e.id, e.kind, e.title])).toEqual([
      [note.id, 'note', 'Feedback from the team'],
      [link.id, 'link', 'Slides'],
      [file.id, 'file', 'handout.txt'],
    ]);
    expect(first?.evidence[1]?.url).toBe('https://example.org/slides');
    const download = first?.evidence[2]?.file?.downloadUrl as string;
    expect(download).toBe(`/api/plans/${mine.planId}/evidence/${file.id}/file`);
    expect((await call(c, 'self', 'GET', download)).body).toBe('What a MARC record holds');
    expect(portfolio.goals[1]?.evidence).toEqual([]);
    expect(res.body).not.toContain(c.people.self.email);

    // Each learner sees their own portfolio: another member's is theirs, not the learner's.
    const theirs = await ok<PortfolioView>(await call(c, 'otherMember', 'GET', `/api/portfolio?orgId=${c.org.id}`));
    expect(theirs.goals.map((g) => g.what)).toEqual(['Someone else’s goal']);
    const other = await ok<PortfolioView>(await call(c, 'self', 'GET', `/api/portfolio?orgId=${elsewhere.org.id}`));
    expect(other.goals.map((g) => g.what)).toEqual(['A goal in another organisation']);
  });

  it('is empty, not missing, before any goal is achieved', async () => {
    const c = await createCast(t);
    await planWith(c, 'self', c.org.id, '2027', [{ what: 'Learn SQL', status: 'active' }]);
    const portfolio = await ok<PortfolioView>(await call(c, 'self', 'GET', `/api/portfolio?orgId=${c.org.id}`));
    expect(portfolio.goals).toEqual([]);
  });
});

describe('secret links', () => {
  it('shares the portfolio by a link shown once, listed without its secret, until revoked', async () => {
    const c = await createCast(t);
    const { planId, goalIds } = await planWith(c, 'self', c.org.id, '2027', [
      { what: 'Run a cataloguing workshop', status: 'achieved' },
      { what: 'Learn SQL', status: 'active' },
    ]);
    const note = await addNote(c, 'self', planId, goalIds[0] as string, 'Feedback from the team');
    await addNote(c, 'self', planId, goalIds[1] as string, 'Not finished: must not show');

    const created = await call(c, 'self', 'POST', '/api/portfolio/links', {
      organizationId: c.org.id,
      label: '  Job application  ',
    });
    expect(created.headers['cache-control']).toBe('no-store');
    const link = await ok<CreatedPortfolioLink>(created, 201);
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/p\/[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ label: 'Job application', status: 'active', expiresAt: null, lastOpenedAt: null });
    const token = link.url.split('/p/')[1] as string;

    // Only the fingerprint is kept; the list never shows the token.
    const [stored] = await t.db.select().from(portfolioLink).where(eq(portfolioLink.id, link.id));
    expect(stored?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const listed = await call(c, 'self', 'GET', `/api/portfolio/links?orgId=${c.org.id}`);
    expect(listed.body).not.toContain(token);
    expect((await ok<{ links: PortfolioLinkView[] }>(listed)).links).toEqual([
      {
        id: link.id,
        label: 'Job application',
        showBadges: false,
        status: 'active',
        createdAt: link.createdAt,
        expiresAt: null,
        revokedAt: null,
        lastOpenedAt: null,
      },
    ]);

    // Anyone with the link sees the same portfolio, signed in or not; files download through the link.
    const res = await open(`/api/portfolio/shared/${token}`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    const shared = await ok<PortfolioView>(res);
    expect(shared.learnerName).toBe(c.people.self.name);
    expect(shared.goals.map((g) => g.what)).toEqual(['Run a cataloguing workshop']);
    expect(shared.goals[0]?.evidence.map((e) => e.id)).toEqual([note.id]);
    expect(res.body).not.toContain(c.people.self.email);
    expect(res.body).not.toContain('Not finished');
    const asMember = await call(c, 'otherMember', 'GET', `/api/portfolio/shared/${token}`);
    expect(asMember.json()).toEqual(shared);

    const after = await ok<{ links: PortfolioLinkView[] }>(
      await call(c, 'self', 'GET', `/api/portfolio/links?orgId=${c.org.id}`),
    );
    expect(after.links[0]?.lastOpenedAt).not.toBeNull();

    // Only the learner revokes; to anyone else the link does not exist.
    for (const who of ['otherMember', 'admin', 'owner', 'outsider'] as const) {
      expect((await call(c, who, 'DELETE', `/api/portfolio/links/${link.id}`)).statusCode).toBe(404);
    }
    expect((await call(c, 'anonymous', 'DELETE', `/api/portfolio/links/${link.id}`)).statusCode).toBe(401);
    await open(`/api/portfolio/shared/${token}`).then((r) => expect(r.statusCode).toBe(200));
    await ok(await call(c, 'self', 'DELETE', `/api/portfolio/links/${link.id}`), 204);
    await expectDoesNotWork(`/api/portfolio/shared/${token}`);
    const revoked = await ok<{ links: PortfolioLinkView[] }>(
      await call(c, 'self', 'GET', `/api/portfolio/links?orgId=${c.org.id}`),
    );
    expect(revoked.links[0]).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
  });

  it('answers the same 404 for unknown, malformed, expired links and those of someone who left', async () => {
    const c = await createCast(t);
    await planWith(c, 'self', c.org.id, '2027', [{ what: 'Run a workshop', status: 'achieved' }]);
    await expectDoesNotWork(`/api/portfolio/shared/${'A'.repeat(43)}`);
    await expectDoesNotWork('/api/portfolio/shared/not-a-token');

    const { link, shared } = await makeLink(c, { expiresAt: '2099-12-31' });
    expect((await open(shared)).statusCode).toBe(200);
    await t.db
      .update(portfolioLink)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(portfolioLink.id, link.id));
    await expectDoesNotWork(shared);
    const listed = await ok<{ links: PortfolioLinkView[] }>(
      await call(c, 'self', 'GET', `/api/portfolio/links?orgId=${c.org.id}`),
    );
    expect(listed.links[0]?.status).toBe('expired');

    const lasting = await makeLink(c);
    expect((await open(lasting.shared)).statusCode).toBe(200);
    await ok(await call(c, 'self', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`), 204);
    await expectDoesNotWork(lasting.shared);
  });

  it('takes an optional expiry in the future, a date meaning the end of that day in the learner’s time zone', async () => {
    const c = await createCast(t);
    await ok(await call(c, 'self', 'PATCH', '/api/settings', { timeZone: 'Europe/Helsinki' }));
    const byDate = await makeLink(c, { expiresAt: '2099-03-31' });
    expect(byDate.link.expiresAt).toBe('2099-03-31T21:00:00.000Z');
    const byTime = await makeLink(c, { expiresAt: '2099-01-01T12:00:00+02:00' });
    expect(byTime.link.expiresAt).toBe('2099-01-01T10:00:00.000Z');

    for (const expiresAt of ['2020-01-01', new Date(Date.now() - 1000).toISOString()]) {
      const res = await call(c, 'self', 'POST', '/api/portfolio/links', { organizationId: c.org.id, expiresAt });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.expiresAt).toMatch(/future/);
    }
    const bad = await call(c, 'self', 'POST', '/api/portfolio/links', {
      organizationId: c.org.id,
      expiresAt: 'next week',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.expiresAt).toMatch(/2027-03-31/);
    const long = await call(c, 'self', 'POST', '/api/portfolio/links', {
      organizationId: c.org.id,
      label: 'x'.repeat(101),
    });
    expect(long.json().error.fields.label).toMatch(/100 characters/);
    const listed = await ok<{ links: PortfolioLinkView[] }>(
      await call(c, 'self', 'GET', `/api/portfolio/links?orgId=${c.org.id}`),
    );
    expect(listed.links.map((l) => l.id)).toEqual([byTime.link.id, byDate.link.id]);
  });

  it('downloads files of achieved goals only, and only that learner’s', async () => {
    const c = await createCast(t);
    const { planId, goalIds } = await planWith(c, 'self', c.org.id, '2027', [
      { what: 'Run a workshop', status: 'achieved' },
      { what: 'Learn SQL', status: 'active' },
    ]);
    const [achieved, active] = goalIds as [string, string];
    const handout = await addFile(c, 'self', planId, achieved, 'Työpaja – handout.txt', 'What a MARC record holds');
    const draft = await addFile(c, 'self', planId, active, 'draft.txt', 'Unfinished');
    const note = await addNote(c, 'self', planId, achieved, 'A note has no file');
    const theirs = await planWith(c, 'otherMember', c.org.id, '2027', [{ what: 'Theirs', status: 'achieved' }]);
    const theirFile = await addFile(c, 'otherMember', theirs.planId, theirs.goalIds[0] as string, 'x.txt', 'Theirs');
    const { shared, link } = await makeLink(c);

    const portfolio = await ok<PortfolioView>(await open(shared));
    const url = portfolio.goals[0]?.evidence[0]?.file?.downloadUrl;
    expect(url).toBe(`${shared}/evidence/${handout.id}/file`);
    const res = await open(url as string);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('What a MARC record holds');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Ty%C3%B6paja%20%E2%80%93%20handout.txt");
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex');

    for (const id of [draft.id, theirFile.id, note.id, 'no-such-evidence']) {
      const refused = await open(`${shared}/evidence/${id}/file`);
      expect(refused.statusCode, id).toBe(404);
      expect(refused.body).not.toContain('Unfinished');
    }
    // The other learner's own link does not open this learner's files either.
    const other = await makeLink(c, {}, 'otherMember');
    expect((await open(`${other.shared}/evidence/${handout.id}/file`)).statusCode).toBe(404);
    expect((await open(`${other.shared}/evidence/${theirFile.id}/file`)).statusCode).toBe(200);

    // A goal no longer achieved leaves the portfolio, its files with it.
    const goal = await ok<{ version: number }>(await call(c, 'self', 'GET', `/api/plans/${planId}/goals/${achieved}`));
    await ok(
      await call(c, 'self', 'PATCH', `/api/plans/${planId}/goals/${achieved}`, {
        status: 'active',
        version: goal.version,
      }),
    );
    expect((await ok<PortfolioView>(await open(shared))).goals).toEqual([]);
    expect((await open(url as string)).statusCode).toBe(404);

    await ok(
      await call(c, 'self', 'PATCH', `/api/plans/${planId}/goals/${achieved}`, {
        status: 'achieved',
        version: goal.version + 1,
      }),
    );
    expect((await open(url as string)).statusCode).toBe(200);
    await ok(await call(c, 'self', 'DELETE', `/api/portfolio/links/${link.id}`), 204);
    await expectDoesNotWork(url as string);
  });
});

describe('end of a day in a time zone', () => {
  it('follows clock changes', () => {
    // Helsinki moves from +02:00 to +03:00 on 2027-03-28 and back on 2027-10-31.
    expect(endOfDayIn('2027-03-27', 'Europe/Helsinki').toISOString()).toBe('2027-03-27T22:00:00.000Z');
    expect(endOfDayIn('2027-03-28', 'Europe/Helsinki').toISOString()).toBe('2027-03-28T21:00:00.000Z');
    expect(endOfDayIn('2027-10-30', 'Europe/Helsinki').toISOString()).toBe('2027-10-30T21:00:00.000Z');
    expect(endOfDayIn('2027-10-31', 'Europe/Helsinki').toISOString()).toBe('2027-10-31T22:00:00.000Z');
    expect(endOfDayIn('2027-06-01', 'America/New_York').toISOString()).toBe('2027-06-02T04:00:00.000Z');
    expect(endOfDayIn('2027-06-01', 'UTC').toISOString()).toBe('2027-06-02T00:00:00.000Z');
  });
});
