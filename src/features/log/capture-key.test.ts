import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';

/*
 * Offline quick capture sends each capture with a key the device made, and sends it again until an answer
 * arrives: the key must make the capture happen once (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
const t = await createTestApp();
const api = t.call;
const key = () => crypto.randomUUID();

async function logOf(orgId: string, headers: Record<string, string>) {
  return (await api('GET', `/api/log?orgId=${orgId}`, headers)).body.entries as Json[];
}

describe('quick capture with a capture key', () => {
  it('makes one entry however often the same capture is sent', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const captureKey = key();
    const body = { organizationId: c.org.id, what: 'Pivot tables group by month', captureKey };
    const first = await api('POST', '/api/log', me, body);
    expect(first.status).toBe(201);
    // The answer was lost on the way: the device sends it again, even twice at once.
    const again = await Promise.all([api('POST', '/api/log', me, body), api('POST', '/api/log', me, body)]);
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(first.body);
    }
    // A second send that differs (edited while waiting) still answers the entry the first one made.
    const edited = await api('POST', '/api/log', me, { ...body, what: 'Something else' });
    expect(edited.body).toEqual(first.body);
    expect((await logOf(c.org.id, me)).map((e) => e.what)).toEqual(['Pivot tables group by month']);
  });

  it('makes one entry when the first sends race each other', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const body = { organizationId: c.org.id, what: 'Racing captures', captureKey: key() };
    const answers = await Promise.all([1, 2, 3].map(() => api('POST', '/api/log', me, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await logOf(c.org.id, me)).toHaveLength(1);
  });

  it('keeps each person’s captures apart: the same key from someone else neither collides nor reveals', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const captureKey = key();
    const mine = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'My private note', captureKey });
    expect(mine.status).toBe(201);
    for (const kind of ['otherMember', 'supervisor', 'admin', 'owner'] as const) {
      const h = c.as(kind) as Record<string, string>;
      const theirs = await api('POST', '/api/log', h, {
        organizationId: c.org.id,
        what: `A note of ${kind}`,
        captureKey,
      });
      // A new entry of their own, not mine nor a word about it.
      expect(theirs.status, kind).toBe(201);
      expect(theirs.body.id, kind).not.toBe(mine.body.id);
      expect(JSON.stringify(theirs.body), kind).not.toContain('My private note');
      expect(
        (await logOf(c.org.id, h)).map((e) => e.what),
        kind,
      ).toEqual([`A note of ${kind}`]);
    }
    // Someone of another organisation, or nobody signed in, learns nothing either.
    const outsider = await api('POST', '/api/log', c.as('outsider') as Record<string, string>, {
      organizationId: c.org.id,
      what: 'Outside',
      captureKey,
    });
    expect(outsider.status).toBe(404);
    const anonymous = await api('POST', '/api/log', {}, { organizationId: c.org.id, what: 'Nobody', captureKey });
    expect(anonymous.status).toBe(401);
    expect((await logOf(c.org.id, me)).map((e) => e.what)).toEqual(['My private note']);
  });

  it('refuses a malformed key naming the field, and stores nothing', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const res = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'x', captureKey: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('captureKey');
    expect(await logOf(c.org.id, me)).toEqual([]);
  });

  it('checks the goal only when the entry is made: a retry answers the entry though its goal is gone', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const body = { organizationId: c.org.id, what: 'Refused', captureKey: key(), goalId: 'not-a-goal-of-mine' };
    const refused = await api('POST', '/api/log', me, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveProperty('goalId');
    // Refused means nothing was made: the same key, corrected, makes the entry.
    const fixed = await api('POST', '/api/log', me, { ...body, goalId: null });
    expect(fixed.status).toBe(201);
    expect(await logOf(c.org.id, me)).toHaveLength(1);
  });
});
