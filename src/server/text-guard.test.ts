import { describe, expect, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';
import { planOfSelf } from '../test/matrix-kit.js';
import { findBadText, MAX_DEPTH } from './text-guard.js';

const t = await createTestApp();

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const json = (cookie: Record<string, string>) => ({ ...cookie, 'content-type': 'application/json' });

describe('text that cannot be stored, in requests', () => {
  it('finds the first string holding a NUL or a lone surrogate, by its path', () => {
    expect(findBadText({ title: 'ok', topics: ['a', 'b\u0000'] })?.path).toBe('topics.1');
    expect(findBadText({ source: { id: '\u0000' } })?.path).toBe('source.id');
    expect(findBadText('\u0000')?.path).toBe('');
    expect(findBadText({ a: 'x\ud800y' })).toMatchObject({ path: 'a', message: expect.stringContaining('half') });
    expect(findBadText({ a: 'x\udc00' })?.path).toBe('a');
    expect(findBadText({ 'k\u0000': 'v' })?.path).toBe('');
    expect(findBadText({ first: 'ok', second: '\u0000', third: '\ud800' })?.path).toBe('second');
    // Whole characters, however they are written, are fine.
    expect(findBadText({ title: 'ok 😀 👩🏽‍🚀 é', n: 3, none: null, list: [] })).toBeUndefined();
    expect(findBadText(Buffer.from([0, 1]))).toBeUndefined();
  });

  it('refuses absurd nesting without recursing, and accepts ordinary depth', () => {
    expect(findBadText(JSON.parse(`{"x":${nested(100_000)}}`))).toMatchObject({
      path: 'x',
      message: expect.stringContaining(`${MAX_DEPTH}`),
    });
    expect(findBadText(JSON.parse(nested(MAX_DEPTH)))).toBeUndefined();
  });

  it('answers 400 to JSON nested 7,000 deep on any route, anonymous too (was a 500)', async () => {
    for (const depth of [7_000, 300_000]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/forgot-password',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"a@b.co","x":${nested(depth)}}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({
        code: 'validation',
        message: 'Some fields need attention.',
        fields: { x: `Nested too deeply: at most ${MAX_DEPTH} levels.` },
      });
    }
  });

  it('refuses NUL characters with 400 naming the field, where PostgreSQL would have failed with a 500', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const post = await t.call('POST', '/api/posts', self, {
      organizationId: c.org.id,
      title: 'A title',
      body: '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
      visibility: 'organization',
    });
    expect(post.status).toBe(400);
    expect(post.body.error).toMatchObject({ code: 'validation', fields: { body: expect.stringContaining('NUL') } });

    const search = await t.call('GET', `/api/search?orgId=${c.org.id}&q=ab%00cd`, self);
    expect(search.status).toBe(400);
    expect(search.body.error.fields).toHaveProperty('q');
    expect((await t.call('GET', '/api/posts/%00', self)).status).toBe(400);
  });

  it('refuses lone surrogates with 400 naming the field in text stored as JSON (a plan, check-ins, templates)', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const plan = await planOfSelf(c, t);
    const send = (method: 'POST' | 'PATCH', url: string, raw: string, who = self) =>
      t.app.inject({ method, url, headers: json(who), payload: raw });

    const cycle = await send('POST', '/api/plans', `{"organizationId":"${c.org.id}","cycle":"x\\ud800y"}`);
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields).toEqual({ cycle: expect.stringContaining('half of a character') });

    const checkin = await send('POST', `${plan.url}/checkins`, '{"answers":{"learned":"a\\udbff"},"progress":[]}');
    expect(checkin.statusCode).toBe(400);
    expect(checkin.json().error.fields).toHaveProperty(['answers.learned']);

    const template = await send(
      'POST',
      '/api/templates',
      JSON.stringify({
        organizationId: c.org.id,
        name: 'Starters',
        content: { reflections: [], goals: [{ id: 'g1', what: 'X' }], network: [], shares: [] },
      }).replace('"X"', '"\\udfff"'),
      c.as('owner') as Record<string, string>,
    );
    expect(template.statusCode).toBe(400);
    expect(template.json().error.fields).toHaveProperty(['content.goals.0.what']);

    // Nothing was written: the plan list of self holds only the plan made above.
    const plans = await t.call('GET', `/api/plans?organizationId=${c.org.id}`, self);
    expect(JSON.stringify(plans.body)).not.toContain('\ufffd');
  });
});
