import { describe, expect, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';
import { findNul } from './nul-guard.js';

const t = await createTestApp();

describe('NUL characters in requests', () => {
  it('finds the first string holding one, by its path', () => {
    expect(findNul({ title: 'ok', topics: ['a', 'b\u0000'] })).toBe('topics.1');
    expect(findNul({ source: { id: '\u0000' } })).toBe('source.id');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ title: 'ok', n: 3, none: null, list: [] })).toBeUndefined();
    expect(findNul(Buffer.from([0, 1]))).toBeUndefined();
  });

  it('refuses them with 400 naming the field, where PostgreSQL would have failed with a 500', async () => {
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
});
