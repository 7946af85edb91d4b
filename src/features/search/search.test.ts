import { describe, expect, it } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';

const t = await createTestApp();

async function organisation() {
  const c = await createCast(t);
  const ok = async (kind: ActorKind, method: string, url: string, payload?: object) => {
    const res = await t.call(method, url, c.as(kind) as Record<string, string>, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const find = async (kind: ActorKind, q: string) =>
    (await ok(kind, 'GET', `/api/search?orgId=${c.org.id}&q=${encodeURIComponent(q)}`)).results as Json[];
  return { c, ok, find };
}

describe('search', () => {
  it('finds posts, goals, resources, mentors and communities by words and by misspelt words', async () => {
    const { c, ok, find } = await organisation();
    await ok('otherMember', 'POST', '/api/posts', {
      organizationId: c.org.id,
      title: 'Spreadsheet tricks',
      body: 'Pivot tables can group dates by month.',
      visibility: 'organization',
    });
    const plan = await ok('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
    await ok('self', 'POST', `/api/plans/${plan.id}/goals`, { what: 'Build a spreadsheet dashboard' });
    await ok('self', 'POST', `/api/plans/${plan.id}/network`, {
      kind: 'resource',
      name: 'Spreadsheet course',
      notes: 'Online',
    });
    await ok('supervisor', 'PATCH', `/api/orgs/${c.org.id}/members/${c.members.supervisor.id}/profile`, {
      offersMentoring: true,
      mentoringTopics: ['spreadsheets', 'budgets'],
    });
    await ok('admin', 'POST', '/api/communities', {
      organizationId: c.org.id,
      name: 'Spreadsheet circle',
      topic: 'Excel',
    });

    for (const q of ['spreadsheet', 'spredsheet']) {
      const kinds = (await find('self', q)).map((r) => r.kind).sort();
      expect(kinds, q).toEqual(['community', 'goal', 'mentor', 'post', 'resource']);
    }
    const [top] = await find('self', 'pivot tables');
    expect(top).toMatchObject({ kind: 'post', label: expect.stringContaining('Post by') });
    expect(top?.snippetHtml).toContain('<mark>Pivot</mark> <mark>tables</mark>');
  });

  it('never returns what the viewer cannot open, and escapes what it shows', async () => {
    const { c, ok, find } = await organisation();
    await ok('self', 'POST', '/api/posts', {
      organizationId: c.org.id,
      title: 'Catalogue <script>alert(1)</script>',
      body: 'Private thoughts on the catalogue',
      visibility: 'private',
    });
    await ok('self', 'POST', '/api/posts', {
      organizationId: c.org.id,
      title: 'Catalogue for my supervisor',
      body: 'Only for them',
      visibility: 'people',
      audience: [c.members.supervisor.id],
    });
    const plan = await ok('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
    await ok('self', 'POST', `/api/plans/${plan.id}/goals`, { what: 'Learn catalogue rules' });

    const own = await find('self', 'catalogue');
    expect(own.map((r) => r.kind).sort()).toEqual(['goal', 'post', 'post']);
    expect(own.find((r) => r.title.includes('script'))?.titleHtml).toContain('&lt;script&gt;');
    expect((await find('supervisor', 'catalogue')).map((r) => r.title)).toEqual(['Catalogue for my supervisor']);
    for (const kind of ['otherMember', 'admin', 'owner'] as const)
      expect(await find(kind, 'catalogue'), kind).toEqual([]);
    const outsider = await t.call(
      'GET',
      `/api/search?orgId=${c.org.id}&q=catalogue`,
      c.as('outsider') as Record<string, string>,
    );
    expect(outsider.status).toBe(404);
  });

  it('asks for something to search for', async () => {
    const { c } = await organisation();
    const res = await t.call('GET', `/api/search?orgId=${c.org.id}&q=%20`, c.as('self') as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('q');
  });
});
