import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp({ mailer: 'outbox' });
const { app } = t;

describe('development outbox', () => {
  it('keeps invitations and reset mails; owners read their organisation’s, nobody reads another’s', async () => {
    const c = await createCast(t);
    await app.inject({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('owner'),
      payload: { email: 'invitee@example.test' },
    });
    await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: c.people.self.email } });

    const asOwner = await app.inject({ method: 'GET', url: '/api/outbox', headers: c.as('owner') });
    const subjects = asOwner
      .json()
      .messages.map((m: { to: string }) => m.to)
      .sort();
    expect(subjects).toEqual(['invitee@example.test', c.people.self.email].sort());
    expect(asOwner.json().messages.find((m: { to: string }) => m.to === c.people.self.email).text).toContain(
      '/reset-password?token=',
    );

    const asSelf = await app.inject({ method: 'GET', url: '/api/outbox', headers: c.as('self') });
    expect(asSelf.json().messages.map((m: { to: string }) => m.to)).toEqual([c.people.self.email]);
    const asOther = await app.inject({ method: 'GET', url: '/api/outbox', headers: c.as('otherMember') });
    expect(asOther.json().messages).toEqual([]);
    const asOutsider = await app.inject({ method: 'GET', url: '/api/outbox', headers: c.as('outsider') });
    expect(asOutsider.json().messages).toEqual([]);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: c.as('self') });
    expect(me.json().outbox).toBe(true);
  });
});
