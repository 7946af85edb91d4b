import { describe, expect, it, vi } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { createOutboxMailer } from './mailer.js';
import { outboxCommand } from './outbox-command.js';

const t = await createTestApp({ mailer: 'outbox' });
const { app } = t;

describe('mail kept without SMTP (outbox)', () => {
  it('is read by nobody through the web: there is no outbox route, for owners neither', async () => {
    const c = await createCast(t);
    const invited = await app.inject({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('owner'),
      payload: { email: `invitee-${c.org.id}@example.test` },
    });
    expect(invited.statusCode).toBe(201);
    await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: c.people.self.email } });

    for (const kind of ['owner', 'self', 'anonymous'] as const) {
      const res = await app.inject({ method: 'GET', url: '/api/outbox', headers: c.as(kind) });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('reset-password?token=');
    }
    const doc = app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('outbox'))).toEqual([]);
    // The web app is told mail is not sent, so it can say so (e.g. beside an invitation link).
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: c.as('self') });
    expect(me.json().outbox).toBe(true);
  });

  it('is listed and shown in full, links included, on the command line (npm run outbox)', async () => {
    const c = await createCast(t);
    await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: c.people.self.email } });

    const listed = await outboxCommand(t.db, ['--to', c.people.self.email.toUpperCase()]);
    expect(listed.exitCode).toBe(0);
    expect(listed.output).toContain(c.people.self.email);
    expect(listed.output).toContain('Reset your Waymark password');
    expect(listed.output).not.toContain(c.people.otherMember.email);
    const id = listed.output.split(/\s+/)[0] as string;

    const shown = await outboxCommand(t.db, [id]);
    expect(shown.exitCode).toBe(0);
    expect(shown.output).toContain(`To:      ${c.people.self.email}`);
    expect(shown.output).toMatch(/Links:\n {2}http:\/\/localhost:3000\/reset-password\?token=\S+/);

    expect((await outboxCommand(t.db, ['--to', 'nobody-at-all@example.test'])).output).toBe(
      'No kept mail to nobody-at-all@example.test.',
    );
    expect((await outboxCommand(t.db, ['zzzzzzzz'])).exitCode).toBe(1);
    expect((await outboxCommand(t.db, ['--limit', 'lots'])).exitCode).toBe(2);
    expect((await outboxCommand(t.db, ['--colour'])).output).toContain('npm run outbox -- --to ADDRESS');
  });

  it('is printed to the server log in development: subject, address and links', async () => {
    const info = vi.fn();
    const mailer = createOutboxMailer(t.db, { info } as never);
    await mailer.send({
      to: 'logged@example.test',
      subject: 'Reset your Waymark password',
      text: 'Hello,\n\nChoose a new password: http://localhost:3000/reset-password?token=abc\n\n— Waymark',
    });
    expect(info).toHaveBeenCalledWith(
      {
        to: 'logged@example.test',
        subject: 'Reset your Waymark password',
        links: ['http://localhost:3000/reset-password?token=abc'],
      },
      expect.stringContaining('npm run outbox'),
    );
    expect((await outboxCommand(t.db, ['--to', 'logged@example.test'])).output).toContain('logged@example.test');
  });
});
