import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';
import { oneLineText, pageLimit } from './schemas.js';

const t = await createTestApp();

const injected = 'Ada\r\nBcc: everyone@example.test';

describe('one-line names', () => {
  it('turn control characters into one space, before trimming and length checks', () => {
    const name = oneLineText().trim().min(1).max(20);
    expect(name.parse(' Ada\r\n\tLovelace\u0085\u2028 ')).toBe('Ada Lovelace');
    expect(name.safeParse('\r\n\t').success).toBe(false);
    expect(z.toJSONSchema(name)).toMatchObject({ type: 'string', minLength: 1, maxLength: 20 });
  });

  it('are stored without CR/LF: person, organisation, plan, post, community and template names', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const owner = c.as('owner') as Record<string, string>;
    expect((await t.callOk('PATCH', '/api/me', self, { name: injected })).user.name).toBe(
      'Ada Bcc: everyone@example.test',
    );
    expect((await t.callOk('PATCH', `/api/orgs/${c.org.id}`, owner, { name: `Library${injected}` })).name).not.toMatch(
      /[\r\n]/,
    );
    const plan = await t.callOk('POST', '/api/plans', self, {
      organizationId: c.org.id,
      cycle: '2027\r\n',
      title: injected,
    });
    expect([plan.cycle, plan.title]).toEqual(['2027', 'Ada Bcc: everyone@example.test']);
    const post = await t.callOk('POST', '/api/posts', self, {
      organizationId: c.org.id,
      title: injected,
      body: 'Two\nlines stay two lines in a body.',
      visibility: 'organization',
    });
    expect(post.title).toBe('Ada Bcc: everyone@example.test');
    expect(post.body).toContain('\n');
    const community = await t.callOk('POST', '/api/communities', self, {
      organizationId: c.org.id,
      name: `Readers${injected}`,
      topic: 'reading',
    });
    expect(community.name).not.toMatch(/[\r\n]/);
    const template = await t.callOk('POST', '/api/templates', owner, {
      organizationId: c.org.id,
      name: `New\r\nstarters`,
      content: { reflections: [], goals: [], network: [], shares: [] },
    });
    expect(template.name).toBe('New starters');
  });
});

describe('page limits', () => {
  const limit = pageLimit(50, 20);
  const message = (value: unknown) => limit.safeParse(value).error?.issues[0]?.message;

  it('says which way a limit is wrong', () => {
    expect(message('abc')).toBe('The limit is a number.');
    expect(message('2.5')).toBe('The limit is a whole number.');
    expect(message('0')).toBe('At least 1.');
    expect(message('51')).toBe('At most 50.');
  });

  it('takes a limit from the query string, or the default', () => {
    expect(limit.parse('7')).toBe(7);
    expect(limit.parse(undefined)).toBe(20);
  });
});
