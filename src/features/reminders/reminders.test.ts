import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { checkin, goal, notification } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';
import { startSmtpInbox } from '../../test/smtp-inbox.js';
import { createSmtpMailer } from '../mail/mailer.js';
import { DELIVER_QUEUE } from '../notifications/notify.js';
import { saveSettings } from '../settings/settings.service.js';
import { SCAN_QUEUE } from './reminders.jobs.js';
import { dueReminders, scanReminders } from './reminders.service.js';

/*
 * Reminders end to end on this run's database: pg-boss runs the scan and the deliveries, e-mails travel over
 * SMTP to a real server started here, and the one-click unsubscribe link from an e-mail turns that kind off.
 * The clock is fixed: Wednesday 10 March 2027, 10:00 UTC (12:00 in Helsinki).
 */

const inbox = await startSmtpInbox();
afterAll(() => inbox.close());
let now = new Date('2027-03-10T10:00:00Z');
const t = await createTestApp({
  mailer: createSmtpMailer(inbox.url, 'Waymark <no-reply@waymark.test>'),
  jobs: { now: () => now, retryLimit: 3 },
  // The scan reminds everyone in the database: other files' learners must not be in this one's.
  ownDatabase: true,
});
const jobs = t.ctx.jobs;
if (!jobs) throw new Error('the job queue did not start');

/** Waits until pg-boss has no scan or delivery job left to run (retries included). */
async function drained(ms = 15_000) {
  const deadline = Date.now() + ms;
  const pending = async (name: string) => jobs?.boss.getQueueSize(name, { before: 'completed' });
  // The scan first: a finished scan has already queued its deliveries.
  while ((await pending(SCAN_QUEUE)) !== 0 || (await pending(DELIVER_QUEUE)) !== 0) {
    if (Date.now() > deadline) throw new Error('jobs did not finish in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function scanThroughQueue() {
  await jobs?.send(SCAN_QUEUE, {});
  await drained();
}

const utc = (iso: string) => new Date(iso);

/**
 * A learner with, at the fixed clock, one reminder of each kind due: a weekly check-in (last one a week
 * and a day ago), a goal whose target date is in 3 days with a milestone in 2, and a weekly sharing
 * commitment with two shares missed. Plus things that must stay quiet: an achieved goal due in 2 days and
 * a goal due in three weeks.
 */
async function busyLearner(timeZone = 'Europe/Helsinki') {
  const c = await createCast(t);
  const plan = await createPlan(t.db, c.members.self, {
    content: {
      goals: [
        {
          id: 'g1',
          what: 'Run a <data> workshop',
          targetDate: '2027-03-13',
          status: 'active',
          milestones: [{ id: 'm1', title: 'Draft the agenda', dueDate: '2027-03-12', done: false }],
        },
        { id: 'g2', what: 'Finished already', targetDate: '2027-03-12', status: 'achieved' },
        { id: 'g3', what: 'Later goal', targetDate: '2027-03-31', status: 'active' },
      ],
      shares: [{ id: 's1', goalId: 'g1', how: 'post', cadence: 'weekly', startsOn: '2027-02-17', records: [] }],
    },
  });
  const goals = await t.db.select().from(goal).where(eq(goal.planId, plan.id));
  const goalId = (what: string) => goals.find((g) => g.what === what)?.id as string;
  await saveSettings(t.db, c.people.self.id, {
    timeZone,
    checkinCadence: 'weekly',
    updatedAt: utc('2027-03-01T09:00:00Z'),
  });
  await t.db.insert(checkin).values({
    id: randomUUID(),
    planId: plan.id,
    userId: c.people.self.id,
    checkedOn: '2027-03-02',
    answers: [],
  });
  return { c, plan, email: c.people.self.email, goalId };
}

const notificationsOf = async (headers: Record<string, string>) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications', headers })).json();

describe(`reminders on ${t.database.kind}, through pg-boss and SMTP`, () => {
  it('registers the scan to run every 15 minutes', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: SCAN_QUEUE, cron: '*/15 * * * *' })]),
    );
  });

  it('e-mails each due reminder once, with links and a one-click unsubscribe that turns the kind off', async () => {
    const { c, plan, email, goalId } = await busyLearner();
    await scanThroughQueue();

    const mails = inbox.to(email);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        'Milestone due in 2 days: “Draft the agenda”',
        'Sharing behind: a post about “Run a <data> workshop”',
        'Target date in 3 days: “Run a <data> workshop”',
        'Time for your check-in',
      ].sort(),
    );
    const base = `http://localhost:3000/orgs/${c.org.id}/plans/${plan.id}`;
    const bySubject = (start: string) => mails.find((m) => m.subject.startsWith(start)) as (typeof mails)[number];
    expect(bySubject('Time for').text).toContain(`Open it in Waymark: ${base}/checkins`);
    expect(bySubject('Target').text).toContain(`${base}/goals`);
    expect(bySubject('Target').text).toContain('Saturday 13 March 2027');
    expect(bySubject('Sharing').text).toContain(`${base}/sharing`);
    expect(bySubject('Sharing').text).toContain('2 were due by now and 0 are recorded');
    // What people wrote is escaped in the HTML twin.
    expect(bySubject('Target').raw).toContain('&lt;data&gt;');
    for (const mail of mails) {
      expect(mail.to).toEqual([email]);
      expect(mail.text).toMatch(
        /To stop these e-mails with one click: http:\/\/localhost:3000\/unsubscribe\?token=\S+/,
      );
      expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>$/);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    }

    // The same reminders are in the app, unread, newest first.
    const inApp = await notificationsOf(c.as('self') as Record<string, string>);
    expect(inApp.unread).toBe(4);
    expect(inApp.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual(
      ['checkin_due', 'share_behind', 'target_near', 'target_near'].sort(),
    );

    // A mail program follows List-Unsubscribe with the one-click POST of RFC 8058: no cookie, a form body.
    const oneClick = new URL((bySubject('Target').headers['list-unsubscribe'] as string).replace(/^<|>$/g, ''));
    const unsubscribed = await t.app.inject({
      method: 'POST',
      url: `${oneClick.pathname}${oneClick.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect(unsubscribed.json()).toMatchObject({ kind: 'target_near', unsubscribed: true });
    const settings = await t.app.inject({ method: 'GET', url: '/api/settings', headers: c.as('self') });
    expect(settings.json().emailOptOut).toEqual(['target_near']);

    // A new target date nears: the in-app notification comes, the e-mail of that kind does not.
    await t.db
      .update(goal)
      .set({ targetDate: '2027-03-16' })
      .where(eq(goal.id, goalId('Later goal')));
    await scanThroughQueue();
    const after = await notificationsOf(c.as('self') as Record<string, string>);
    expect(after.unread).toBe(5);
    expect(after.notifications[0]).toMatchObject({ kind: 'target_near', title: 'Target date in 6 days: “Later goal”' });
    expect(inbox.to(email)).toHaveLength(4);
  });

  it('retries a send the mail server refuses, and in the end exactly one e-mail arrives', async () => {
    const { email, c } = await busyLearner();
    // Only the check-in reminder is wanted by e-mail here, so exactly one message is expected.
    await saveSettings(t.db, c.people.self.id, { emailOptOut: ['target_near', 'share_behind'] });
    inbox.refuseNext(email, 2);
    await scanThroughQueue();
    expect(inbox.refused.filter((to) => to === email)).toHaveLength(2);
    const mails = inbox.to(email);
    expect(mails.map((m) => m.subject)).toEqual(['Time for your check-in']);
    const [row] = await t.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, c.people.self.id), eq(notification.kind, 'checkin_due')));
    expect(row?.emailedAt).not.toBeNull();
    // Another scan changes nothing: the reminder was delivered.
    await scanThroughQueue();
    expect(inbox.to(email)).toHaveLength(1);
  });

  it('notifies once when two scans race for the same reminders', async () => {
    const { email, c } = await busyLearner();
    // Both scans see the reminders as new and queue a delivery each; delivery lets only one through.
    await Promise.all([scanReminders(t.ctx, now), scanReminders(t.ctx, now)]);
    await drained();
    const rows = await t.db.select().from(notification).where(eq(notification.userId, c.people.self.id));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(4);
    expect(inbox.to(email)).toHaveLength(4);
  });
});

describe('reminders follow each learner’s own clock', () => {
  /** Two learners with the same plan and check-ins, one in Auckland and one in Los Angeles. */
  async function pair() {
    const { org } = await createOrg(t.db);
    const people = [];
    for (const timeZone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const member = await addMember(t.db, org);
      const plan = await createPlan(t.db, member, {
        content: { goals: [{ id: 'g', what: 'Learn Welsh', targetDate: '2027-03-18', status: 'active' }] },
      });
      await saveSettings(t.db, member.userId, { timeZone, checkinCadence: 'daily' });
      await t.db.insert(checkin).values({
        id: randomUUID(),
        planId: plan.id,
        userId: member.userId,
        checkedOn: '2027-03-10',
        answers: [],
      });
      people.push(member.userId);
    }
    return people as [string, string];
  }
  const keysAt = async (instant: string, userId: string) =>
    (await dueReminders(t.ctx, utc(instant)))
      .filter((r) => r.userId === userId)
      .map((r) => r.dedupeKey.replace(/:[^:]*:/, ':…:'))
      .sort();

  it('at the same instant, it is due in Auckland (already tomorrow) and not yet in Los Angeles', async () => {
    const [auckland, losAngeles] = await pair();
    // 19:30 UTC on 10 March: 08:30 on Thursday 11 March in Auckland, 11:30 on Wednesday 10 March in LA.
    const instant = '2027-03-10T19:30:00Z';
    expect(await keysAt(instant, auckland)).toEqual(['checkin_due:2027-03-11', 'target_near:…:2027-03-18']);
    // In LA the check-in was today and the target date is 8 days away.
    expect(await keysAt(instant, losAngeles)).toEqual([]);
    // Eight hours later it is the 11th in LA too, past 08:00: now due there.
    expect(await keysAt('2027-03-11T16:30:00Z', losAngeles)).toEqual([
      'checkin_due:2027-03-11',
      'target_near:…:2027-03-18',
    ]);
  });

  it('waits until 08:00 on the learner’s wall clock', async () => {
    const [auckland] = await pair();
    // 18:30 UTC: 07:30 in Auckland on the 11th. Nothing yet, though the day has turned.
    expect(await keysAt('2027-03-10T18:30:00Z', auckland)).toEqual([]);
    expect(await keysAt('2027-03-10T19:00:00Z', auckland)).toHaveLength(2);
  });

  it('reminds about the plans of organisations the learner still belongs to only', async () => {
    const { c } = await busyLearner();
    expect(await keysAt(now.toISOString(), c.people.self.id)).toHaveLength(4);
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      headers: c.as('self'),
    });
    expect(left.statusCode).toBe(204);
    expect(await keysAt(now.toISOString(), c.people.self.id)).toEqual([]);
  });
});

afterAll(() => {
  now = new Date();
});
