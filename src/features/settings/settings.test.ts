import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp();
const { app } = t;

describe('learner settings', () => {
  it('starts from defaults, stores a change, and keeps each person’s own', async () => {
    const c = await createCast(t);
    const first = await app.inject({ method: 'GET', url: '/api/settings', headers: c.as('self') });
    expect(first.json()).toEqual({
      timeZone: 'UTC',
      checkinCadence: 'none',
      emailOptOut: [],
      hasCalendarFeed: false,
      version: 0,
    });
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: c.as('self'),
      payload: { timeZone: 'Europe/Helsinki', checkinCadence: 'weekly', emailOptOut: ['target_near', 'target_near'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      timeZone: 'Europe/Helsinki',
      checkinCadence: 'weekly',
      emailOptOut: ['target_near'],
      version: 1,
    });
    const other = await app.inject({ method: 'GET', url: '/api/settings', headers: c.as('otherMember') });
    expect(other.json().timeZone).toBe('UTC');
  });

  it('names the field of a bad value and changes nothing', async () => {
    const c = await createCast(t);
    for (const payload of [{ timeZone: 'Mars/Olympus' }, { checkinCadence: 'hourly' }, { emailOptOut: ['spam'] }]) {
      const res = await app.inject({ method: 'PATCH', url: '/api/settings', headers: c.as('self'), payload });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}).join()).toContain(Object.keys(payload)[0]);
    }
    const after = await app.inject({ method: 'GET', url: '/api/settings', headers: c.as('self') });
    expect(after.json().version).toBe(0);
  });

  it('answers a stale write with 409 and the current settings', async () => {
    const c = await createCast(t);
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/settings', headers: c.as('self'), payload });
    await patch({ checkinCadence: 'daily' });
    await patch({ checkinCadence: 'monthly', version: 1 });
    const stale = await patch({ checkinCadence: 'weekly', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.checkinCadence).toBe('monthly');
  });

  it('keeps the form’s version when a calendar link is made, so an open settings form stays current', async () => {
    const c = await createCast(t);
    await app.inject({ method: 'POST', url: '/api/calendar/feed', headers: c.as('self') });
    const after = await app.inject({ method: 'GET', url: '/api/settings', headers: c.as('self') });
    expect(after.json()).toMatchObject({ hasCalendarFeed: true, version: 0 });
    const saved = await app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: c.as('self'),
      payload: { checkinCadence: 'weekly', version: 0 },
    });
    expect(saved.json()).toMatchObject({ checkinCadence: 'weekly', hasCalendarFeed: true, version: 1 });
  });
});
