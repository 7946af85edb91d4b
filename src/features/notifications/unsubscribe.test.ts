import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { user } from '../../db/schema/index.js';
import { createTestApp, TEST_SECRET } from '../../test/app.js';
import { createUser } from '../../test/factories.js';
import { notificationMail } from '../mail/reminder-templates.js';
import { getLearnerSettings } from '../settings/settings.service.js';
import { checkUnsubscribeToken, unsubscribeToken } from '../settings/unsubscribe-token.js';

const t = await createTestApp();
const { app } = t;

const settingsOf = (userId: string) => getLearnerSettings(t.db, userId);

describe('one-click unsubscribe', () => {
  it('says what a link turns off, turns it off without sign-in, and leaves other kinds on', async () => {
    const person = await createUser(t.db);
    const token = unsubscribeToken(TEST_SECRET, person.id, 'share_behind');
    const url = `/api/unsubscribe?token=${token}`;

    const before = await app.inject({ method: 'GET', url });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      kind: 'share_behind',
      turnedOff: 'e-mails when a sharing commitment falls behind',
      unsubscribed: false,
    });

    // The page's button: a POST with no body.
    const done = await app.inject({ method: 'POST', url });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ kind: 'share_behind', unsubscribed: true });
    expect((await settingsOf(person.id)).emailOptOut).toEqual(['share_behind']);
    const version = (await settingsOf(person.id)).version;

    // Mail programs may post a multipart form too; following the link again changes nothing more.
    const again = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(again.statusCode).toBe(200);
    expect((await settingsOf(person.id)).version).toBe(version);
    expect((await app.inject({ method: 'GET', url })).json().unsubscribed).toBe(true);

    const other = unsubscribeToken(TEST_SECRET, person.id, 'checkin_due');
    expect((await app.inject({ method: 'GET', url: `/api/unsubscribe?token=${other}` })).json().unsubscribed).toBe(
      false,
    );
  });

  it('answers a mangled link with 400 naming the token, a forged one with 404', async () => {
    const person = await createUser(t.db);
    const good = unsubscribeToken(TEST_SECRET, person.id, 'target_near');
    const [payload, signature] = good.split('.') as [string, string];
    const someoneElse = Buffer.from(JSON.stringify(['another-user', 'target_near'])).toString('base64url');
    const cases: [string, number][] = [
      ['', 400],
      ['not-a-token', 400],
      [`${payload}.${signature}.extra`, 400],
      [`${Buffer.from('{oops').toString('base64url')}.${signature}`, 400],
      [`${Buffer.from(JSON.stringify([person.id, 'spam'])).toString('base64url')}.${signature}`, 400],
      [`${someoneElse}.${signature}`, 404],
      [`${payload}.${signature.slice(0, -2)}AA`, 404],
      [unsubscribeToken('another-secret-entirely-0123456789abcdef', person.id, 'target_near'), 404],
    ];
    for (const [token, status] of cases) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await app.inject({ method, url: `/api/unsubscribe?token=${encodeURIComponent(token)}` });
        expect(res.statusCode, `${method} ${token}`).toBe(status);
        if (status === 400) expect(Object.keys(res.json().error.fields ?? {})).toEqual(['token']);
      }
    }
    expect((await settingsOf(person.id)).emailOptOut).toEqual([]);
  });

  it('answers 404 for a link whose account was deleted', async () => {
    const person = await createUser(t.db);
    const token = unsubscribeToken(TEST_SECRET, person.id, 'checkin_due');
    await t.db.delete(user).where(eq(user.id, person.id));
    expect((await app.inject({ method: 'POST', url: `/api/unsubscribe?token=${token}` })).statusCode).toBe(404);
  });

  it('reads back only what it signed', () => {
    const token = unsubscribeToken('s'.repeat(40), 'u1', 'checkin_due');
    expect(checkUnsubscribeToken('s'.repeat(40), token)).toEqual({ ok: true, userId: 'u1', kind: 'checkin_due' });
    expect(checkUnsubscribeToken('t'.repeat(40), token)).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('reminder e-mails', () => {
  it('escape what people wrote in the HTML and keep the subject on one line', () => {
    const mail = notificationMail({
      to: 'ada@example.test',
      name: 'Ada <script>',
      title: 'Target date today:\n“<b>Bold</b> & co”',
      body: 'Your goal “<b>Bold</b> & co” is due today.',
      url: 'http://localhost:3000/orgs/o/plans/p/goals?a=1&b=2',
      settingsUrl: 'http://localhost:3000/settings',
      unsubscribe: {
        pageUrl: 'http://localhost:3000/unsubscribe?token=abc',
        oneClickUrl: 'http://localhost:3000/api/unsubscribe?token=abc',
        because: 'you asked for e-mails when a goal’s target date or a milestone nears',
      },
    });
    expect(mail.subject).toBe('Target date today: “<b>Bold</b> & co”');
    expect(mail.html).toContain('Hello Ada &lt;script&gt;,');
    expect(mail.html).toContain('“&lt;b&gt;Bold&lt;/b&gt; &amp; co”');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('href="http://localhost:3000/orgs/o/plans/p/goals?a=1&amp;b=2"');
    expect(mail.text).toContain('Your goal “<b>Bold</b> & co” is due today.');
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<http://localhost:3000/api/unsubscribe?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
