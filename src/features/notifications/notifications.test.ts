import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notification, user } from '../../db/schema/index.js';
import { encodeCursor } from '../../server/keyset-cursor.js';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { saveSettings } from '../settings/settings.service.js';
import { deliverNotification, type NotifyInput, notify } from './notify.js';

const t = await createTestApp();
const { app } = t;

const reminderFor = (userId: string, organizationId: string, overrides: Partial<NotifyInput> = {}): NotifyInput => ({
  userId,
  organizationId,
  kind: 'checkin_due',
  title: 'Time for your check-in',
  body: 'Your weekly check-in is due.',
  link: `/orgs/${organizationId}/plans/p1/checkins`,
  dedupeKey: `checkin_due:${randomUUID()}`,
  ...overrides,
});

/** Stores notifications with given ages (minutes ago), oldest first, as delivery would. */
async function seed(userId: string, minutesAgo: number[]) {
  const ids: string[] = [];
  for (const [i, m] of minutesAgo.entries()) {
    const id = randomUUID();
    await t.db.insert(notification).values({
      id,
      userId,
      kind: 'target_near',
      title: `Reminder ${i + 1}`,
      dedupeKey: `seed:${id}`,
      createdAt: new Date(Date.now() - m * 60_000),
    });
    ids.push(id);
  }
  return ids;
}

describe('notify', () => {
  it('stores the notification and e-mails it once, with a link to the item and a one-click unsubscribe', async () => {
    const c = await createCast(t);
    const input = reminderFor(c.people.self.id, c.org.id);
    await notify(t.ctx, input);
    await notify(t.ctx, input);
    const mails = t.mailer.sent.filter((m) => m.to === c.people.self.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Time for your check-in');
    expect(mails[0]?.text).toContain(`http://localhost:3000/orgs/${c.org.id}/plans/p1/checkins`);
    expect(mails[0]?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const rows = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.emailedAt).not.toBeNull();
  });

  it('keeps the in-app notification but sends no e-mail of a kind the person turned off', async () => {
    const c = await createCast(t);
    await saveSettings(t.db, c.people.self.id, { emailOptOut: ['checkin_due'] });
    expect(await deliverNotification(t.ctx, reminderFor(c.people.self.id, c.org.id))).toBe('notified');
    expect(t.mailer.sent.filter((m) => m.to === c.people.self.email)).toEqual([]);
    const list = await app.inject({ method: 'GET', url: '/api/notifications', headers: c.as('self') });
    expect(list.json().notifications).toHaveLength(1);
  });

  it('e-mails other kinds (which cannot be turned off yet) without unsubscribe headers', async () => {
    const c = await createCast(t);
    await deliverNotification(
      t.ctx,
      reminderFor(c.people.self.id, c.org.id, { kind: 'comment', title: 'Ada commented on your goal' }),
    );
    const [mail] = t.mailer.sent.filter((m) => m.to === c.people.self.email);
    expect(mail?.subject).toBe('Ada commented on your goal');
    expect(mail?.headers).toBeUndefined();
    expect(mail?.text).not.toContain('/unsubscribe');
  });

  it('e-mails nobody whose address is not confirmed (the account may not be the address owner’s)', async () => {
    const c = await createCast(t);
    await t.db.update(user).set({ emailVerified: false }).where(eq(user.id, c.people.self.id));
    expect(await deliverNotification(t.ctx, reminderFor(c.people.self.id, c.org.id))).toBe('notified');
    expect(t.mailer.sent.filter((m) => m.to === c.people.self.email)).toEqual([]);
    const rows = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(rows).toHaveLength(1); // the in-app notification is there
  });

  it('tells nobody about an organisation they have left', async () => {
    const c = await createCast(t);
    await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      headers: c.as('self'),
    });
    expect(await deliverNotification(t.ctx, reminderFor(c.people.self.id, c.org.id))).toBe('skipped');
    const rows = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(rows).toEqual([]);
  });

  it('keeps the notification when the e-mail fails, and a retry sends it', async () => {
    const c = await createCast(t);
    const input = reminderFor(c.people.self.id, c.org.id);
    const send = t.ctx.mailer.send;
    t.ctx.mailer.send = async () => {
      throw new Error('SMTP down');
    };
    try {
      await expect(deliverNotification(t.ctx, input)).rejects.toThrow('SMTP down');
    } finally {
      t.ctx.mailer.send = send;
    }
    const [stored] = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(stored?.emailedAt).toBeNull();
    // A repeat of the first delivery (a second scan) does not e-mail; the retry of the failed one does.
    expect(await deliverNotification(t.ctx, input, 0)).toBe('already-notified');
    expect(await deliverNotification(t.ctx, input, 1)).toBe('notified-and-emailed');
    expect(await deliverNotification(t.ctx, input, 2)).toBe('notified');
    expect(t.mailer.sent.filter((m) => m.to === c.people.self.email)).toHaveLength(1);
  });
});

describe('notifications API', () => {
  it('lists your own, newest first, a page at a time, with the unread count', async () => {
    const c = await createCast(t);
    await seed(c.people.self.id, [50, 40, 30, 20, 10]);
    await seed(c.people.otherMember.id, [5]);
    const first = await app.inject({ method: 'GET', url: '/api/notifications?limit=2', headers: c.as('self') });
    expect(first.statusCode).toBe(200);
    expect(first.json().unread).toBe(5);
    expect(first.json().notifications.map((n: { title: string }) => n.title)).toEqual(['Reminder 5', 'Reminder 4']);
    expect(first.json().notifications[0]).toMatchObject({ read: false, readAt: null, kind: 'target_near' });
    const titles = [];
    let last: { id: string; createdAt: string } | undefined;
    let cursor = first.json().nextCursor as string | null;
    while (cursor) {
      const page = await app.inject({
        method: 'GET',
        url: `/api/notifications?limit=2&cursor=${cursor}`,
        headers: c.as('self'),
      });
      titles.push(...page.json().notifications.map((n: { title: string }) => n.title));
      // Counted with each page's rows, every page tells the same unread count.
      expect(page.json().unread).toBe(5);
      last = page.json().notifications.at(-1) ?? last;
      cursor = page.json().nextCursor;
    }
    expect(titles).toEqual(['Reminder 3', 'Reminder 2', 'Reminder 1']);
    // A page past the last has no row to carry the count: it is counted apart.
    const beyond = await app.inject({
      method: 'GET',
      url: `/api/notifications?limit=2&cursor=${encodeCursor(last?.createdAt as string, last?.id as string)}`,
      headers: c.as('self'),
    });
    expect(beyond.json()).toMatchObject({ notifications: [], unread: 5, nextCursor: null });
    const none = await app.inject({ method: 'GET', url: '/api/notifications?limit=2', headers: c.as('outsider') });
    expect(none.json()).toMatchObject({ notifications: [], unread: 0 });
    const count = await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: c.as('self') });
    expect(count.json()).toEqual({ unread: 5 });
  });

  it('marks one read (only your own) and all read (only yours)', async () => {
    const c = await createCast(t);
    const [mine] = await seed(c.people.self.id, [3, 2, 1]);
    const [theirs] = await seed(c.people.otherMember.id, [1]);
    const read = await app.inject({ method: 'POST', url: `/api/notifications/${mine}/read`, headers: c.as('self') });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: mine, read: true });
    const firstReadAt = read.json().readAt;
    expect(firstReadAt).not.toBeNull();
    // Reading again keeps the first reading time.
    const again = await app.inject({ method: 'POST', url: `/api/notifications/${mine}/read`, headers: c.as('self') });
    expect(again.json().readAt).toBe(firstReadAt);

    const notMine = await app.inject({
      method: 'POST',
      url: `/api/notifications/${theirs}/read`,
      headers: c.as('self'),
    });
    expect(notMine.statusCode).toBe(404);

    const all = await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: c.as('self') });
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
    const other = await app.inject({
      method: 'GET',
      url: '/api/notifications/unread-count',
      headers: c.as('otherMember'),
    });
    expect(other.json()).toEqual({ unread: 1 });
  });

  it('answers a mangled page cursor with 400 naming it, and strangers with 401', async () => {
    const c = await createCast(t);
    const bad = await app.inject({ method: 'GET', url: '/api/notifications?cursor=nonsense', headers: c.as('self') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('cursor');
    const anonymous = await app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('notifications in Markdown', () => {
  it('are read as formatted, sanitised text, like the comments they quote', async () => {
    const c = await createCast(t);
    const body = 'Try **grouping by week** too: [the guide](https://example.test/guide)\n\n<script>alert(1)</script>';
    await notify(t.ctx, reminderFor(c.people.self.id, c.org.id, { kind: 'comment', body }));
    const res = await app.inject({ method: 'GET', url: '/api/notifications', headers: c.as('self') });
    const [n] = res.json().notifications;
    expect(n.body).toBe(body);
    expect(n.html).toContain('<strong>grouping by week</strong>');
    expect(n.html).toContain(
      '<a href="https://example.test/guide" rel="nofollow noopener noreferrer" target="_blank">',
    );
    expect(n.html).not.toContain('<script');
    expect(n.html).toContain('&lt;script&gt;');
  });
});
