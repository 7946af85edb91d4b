import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp();

describe('a community of another organisation', () => {
  it('answers exactly like a community that does not exist (was: "Organisation was not found.")', async () => {
    const c = await createCast(t);
    const community = await t.callOk('POST', '/api/communities', c.as('self') as Record<string, string>, {
      organizationId: c.org.id,
      name: 'Readers',
      topic: 'reading',
    });
    const outsider = c.as('outsider') as Record<string, string>;
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['POST', '/join'],
      ['POST', '/leave'],
      ['GET', '/members'],
    ] as const) {
      const payload = method === 'PATCH' ? { featured: true } : undefined;
      const theirs = await t.call(method, `/api/communities/${community.id}${suffix}`, outsider, payload);
      const missing = await t.call(method, `/api/communities/${randomUUID()}${suffix}`, outsider, payload);
      expect(theirs, `${method} ${suffix}`).toEqual(missing);
      expect(theirs.body.error).toEqual({ code: 'not_found', message: 'Community was not found.' });
    }
  });
});
