import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkin, learnerSettings } from '../../db/schema/index.js';
import { type ActorKind, type Cast, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { localDate } from '../settings/local-time.js';
import { renderCalendarFeed } from './calendar.service.js';

const t = await createTestApp();
const { app } = t;
const BASE = 'http://localhost:3000';

async function call(
  c: Cast,
  kind: ActorKind,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  const res = await app.inject({ method, url, headers: c.as(kind), ...(payload && { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? undefined : res.json();
}

/** Makes a feed as `kind`; answers its full URL and the path to inject. */
async function makeFeed(c: Cast, kind: ActorKind = 'self') {
  const { url } = (await call(c, kind, 'POST', '/api/calendar/feed')) as { url: string };
  return { url, path: new URL(url).pathname, token: new URL(url).pathname.split('/').pop()?.replace('.ics', '') ?? '' };
}

const fetchFeed = (path: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: path, headers });

/** The feed parsed by ical.js, its events by UID. */
function parse(body: string) {
  const cal = new ICAL.Component(ICAL.parse(body));
  const events = new Map(cal.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
  return { cal, events };
}
const text = (e: ICAL.Component | undefined, prop: string) => String(e?.getFirstPropertyValue(prop) ?? '');
const startOf = (e: ICAL.Component | undefined) => new ICAL.Event(e).startDate;

/** The first `n` days an event falls on, expanded by ical.js from its RRULE. */
function occurrences(e: ICAL.Component | undefined, n: number) {
  const it = new ICAL.Event(e).iterator();
  const days: string[] = [];
  for (let next = it.next(); next && days.length < n; next = it.next()) days.push(next.toString());
  return days;
}

async function planWithGoals(c: Cast, kind: ActorKind, orgId: string, goals: object[], cycle = '2027') {
  const plan = (await call(c, kind, 'POST', '/api/plans', { organizationId: orgId, cycle })) as { id: string };
  const ids: string[] = [];
  for (const g of goals)
    ids.push(((await call(c, kind, 'POST', `/api/plans/${plan.id}/goals`, g)) as { id: string }).id);
  return { planId: plan.id, goalIds: ids };
}

async function checkIn(planId: string, userId: string, checkedOn: string) {
  await t.db.insert(checkin).values({ id: randomUUID(), planId, userId, checkedOn, answers: [] });
}

const longGoal =
  'Run a 30-minute data literacy workshop for my team; cover pivot tables, charts, and cleaning messy CSV exports';

/** `self` with two plans: one with goals, milestones and a past check-in, one empty and never checked in. */
async function learnerWithPlans() {
  const c = await createCast(t);
  await call(c, 'self', 'PATCH', '/api/settings', { timeZone: 'Pacific/Kiritimati', checkinCadence: 'weekly' });
  const main = await planWithGoals(c, 'self', c.org.id, [
    {
      what: 'Learn SQL window functions',
      targetDate: '2027-06-30',
      status: 'active',
      progress: 40,
      milestones: [
        { id: 'm1', title: 'Finish the tutorial', dueDate: '2027-03-01', done: false },
        { id: 'm2', title: 'First real query', dueDate: '2027-04-15', done: true },
        { id: 'm3', title: 'Someday, no date', dueDate: null, done: false },
      ],
    },
    { what: 'No target date yet', milestones: [{ id: 'm4', title: 'Ask Sam', dueDate: '2027-02-10', done: false }] },
    { what: longGoal, targetDate: '2027-09-01', status: 'dropped' },
  ]);
  await checkIn(main.planId, c.people.self.id, '2026-12-28');
  await checkIn(main.planId, c.people.self.id, '2027-01-04');
  const empty = await planWithGoals(c, 'self', c.org.id, [], '2028');
  return { c, main, empty };
}

describe('the calendar feed', () => {
  it('is an iCalendar document ical.js reads, with what RFC 5545 requires', async () => {
    const { c, main, empty } = await learnerWithPlans();
    const feed = await makeFeed(c);
    expect(feed.url).toMatch(new RegExp(`^${BASE}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const res = await fetchFeed(feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toBe('private, no-cache');

    // Every content line ends with CRLF (the last one too), none is longer than 75 octets, and a folded
    // line goes on with a space.
    const body = res.body;
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body).not.toMatch(/[^\r]\n/);
    expect(body).not.toMatch(/\r(?!\n)/);
    const lines = body.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);

    const { cal, events } = parse(body);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(text(cal, 'prodid')).toBe('-//Waymark//Learning plan calendar//EN');
    expect(text(cal, 'x-wr-calname')).toBe(`Waymark — ${c.people.self.name}`);
    const vevents = cal.getAllSubcomponents('vevent');
    for (const e of vevents) {
      expect(text(e, 'uid')).toMatch(/@localhost$/);
      expect(e.getFirstProperty('dtstamp')?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    }

    const [sql, noDate, dropped] = main.goalIds;
    expect([...events.keys()].sort()).toEqual(
      [
        `goal-${sql}@localhost`,
        `milestone-${sql}-m1@localhost`,
        `milestone-${sql}-m2@localhost`,
        `milestone-${noDate}-m4@localhost`,
        `goal-${dropped}@localhost`,
        `checkin-${main.planId}@localhost`,
        `checkin-${empty.planId}@localhost`,
      ].sort(),
    );
    expect(vevents).toHaveLength(7);

    const target = events.get(`goal-${sql}@localhost`);
    expect(text(target, 'summary')).toBe('Target: Learn SQL window functions');
    expect(startOf(target).isDate).toBe(true);
    expect(startOf(target).toString()).toBe('2027-06-30');
    const goalPage = `${BASE}/orgs/${c.org.id}/plans/${main.planId}/goals`;
    expect(text(target, 'description')).toBe(
      [
        'Status: Active · Progress: 40%',
        `Plan: Learning plan 2027 · ${c.org.name}`,
        `Open the goal in Waymark: ${goalPage}`,
      ].join('\n'),
    );
    expect(text(target, 'url')).toBe(goalPage);
    expect(target?.getFirstPropertyValue('rrule')).toBeNull();

    // Escaped and folded by the library, read back whole.
    const long = events.get(`goal-${dropped}@localhost`);
    expect(text(long, 'summary')).toBe(`Target: ${longGoal}`);
    expect(text(long, 'status')).toBe('CANCELLED');
    expect(text(long, 'description')).toMatch(/^Status: Dropped · Progress: 0%/);

    const todo = events.get(`milestone-${sql}-m1@localhost`);
    expect(text(todo, 'summary')).toBe('Milestone: Finish the tutorial');
    expect(startOf(todo).toString()).toBe('2027-03-01');
    expect(text(todo, 'description')).toMatch(/^Not done yet\.\nGoal: Learn SQL window functions\n/);
    const done = events.get(`milestone-${sql}-m2@localhost`);
    expect(text(done, 'description')).toMatch(/^Done ✓\n/);

    // The next check-in: a week after the last one, then every week.
    const weekly = events.get(`checkin-${main.planId}@localhost`);
    expect(text(weekly, 'summary')).toBe('Check-in: Learning plan 2027');
    expect(text(weekly, 'url')).toBe(`${BASE}/orgs/${c.org.id}/plans/${main.planId}/checkins`);
    expect(startOf(weekly).isDate).toBe(true);
    expect(weekly?.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY');
    expect(occurrences(weekly, 3)).toEqual(['2027-01-11', '2027-01-18', '2027-01-25']);
    // Revised when the latest check-in was made (after the cadence was chosen), to the second.
    const made = await t.db.select().from(checkin).where(eq(checkin.planId, main.planId));
    const lastMade = Math.max(...made.map((r) => r.createdAt.getTime()));
    expect(Date.parse(text(weekly, 'dtstamp'))).toBe(Math.floor(lastMade / 1000) * 1000);
    // Never checked in: due today, on the learner's own calendar (UTC+14 here).
    const first = events.get(`checkin-${empty.planId}@localhost`);
    expect(startOf(first).toString()).toBe(localDate('Pacific/Kiritimati'));
  });

  it('repeats check-ins by the cadence and shows none without one', async () => {
    const { c, main } = await learnerWithPlans();
    const feed = await makeFeed(c);
    const checkinOf = async () =>
      parse((await fetchFeed(feed.path)).body).events.get(`checkin-${main.planId}@localhost`);

    await call(c, 'self', 'PATCH', '/api/settings', { checkinCadence: 'daily' });
    const daily = await checkinOf();
    expect(daily?.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY');
    expect(occurrences(daily, 2)).toEqual(['2027-01-05', '2027-01-06']);

    await call(c, 'self', 'PATCH', '/api/settings', { checkinCadence: 'monthly' });
    expect(occurrences(await checkinOf(), 3)).toEqual(['2027-02-04', '2027-03-04', '2027-04-04']);
    // Due on the 31st: the last day of each month (29 February in 2028), not a skipped month.
    await checkIn(main.planId, c.people.self.id, '2027-12-31');
    const late = await checkinOf();
    expect(late?.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(occurrences(late, 4)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);

    await call(c, 'self', 'PATCH', '/api/settings', { checkinCadence: 'none' });
    const { events } = parse((await fetchFeed(feed.path)).body);
    expect([...events.keys()].filter((uid) => uid.startsWith('checkin-'))).toEqual([]);
    expect(events.size).toBe(5);
  });

  it('holds nothing of an organisation the learner left, nor of anyone else', async () => {
    const c = await createCast(t);
    const other = await createOrg(t.db);
    const membership = await addMember(t.db, other.org, { user: c.members.self.user });
    const mine = await planWithGoals(c, 'self', c.org.id, [{ what: 'Mine', targetDate: '2027-05-01' }]);
    const elsewhere = await planWithGoals(c, 'self', other.org.id, [{ what: 'Left behind', targetDate: '2027-05-02' }]);
    const theirs = await planWithGoals(c, 'otherMember', c.org.id, [
      {
        what: 'Someone else’s goal',
        targetDate: '2027-05-03',
        milestones: [{ id: 'x', title: 'Theirs', dueDate: '2027-04-01', done: false }],
      },
    ]);
    await call(c, 'otherMember', 'PATCH', '/api/settings', { checkinCadence: 'daily' });
    await checkIn(theirs.planId, c.people.otherMember.id, '2027-01-01');
    const feed = await makeFeed(c);

    const before = await fetchFeed(feed.path);
    expect([...parse(before.body).events.keys()].sort()).toEqual(
      [`goal-${mine.goalIds[0]}@localhost`, `goal-${elsewhere.goalIds[0]}@localhost`].sort(),
    );

    await call(c, 'self', 'DELETE', `/api/orgs/${other.org.id}/members/${membership.id}`);
    const after = await fetchFeed(feed.path);
    expect([...parse(after.body).events.keys()]).toEqual([`goal-${mine.goalIds[0]}@localhost`]);
    expect(after.body).not.toContain('Left behind');
    expect(after.body).not.toContain(other.org.name);
    for (const leak of ['Someone else', 'Theirs', theirs.planId, c.people.otherMember.name]) {
      expect(after.body).not.toContain(leak);
    }

    // Their own feed is theirs alone, with their cadence.
    const theirFeed = await fetchFeed((await makeFeed(c, 'otherMember')).path);
    expect([...parse(theirFeed.body).events.keys()].sort()).toEqual(
      [
        `goal-${theirs.goalIds[0]}@localhost`,
        `milestone-${theirs.goalIds[0]}-x@localhost`,
        `checkin-${theirs.planId}@localhost`,
      ].sort(),
    );
    expect(theirFeed.body).not.toContain('Mine');
  });

  it('keeps only a fingerprint, and a new link or turning it off stops the old one at once', async () => {
    const c = await createCast(t);
    const settings = async () => (await call(c, 'self', 'GET', '/api/settings')) as { hasCalendarFeed: boolean };
    expect((await settings()).hasCalendarFeed).toBe(false);

    const first = await makeFeed(c);
    expect((await settings()).hasCalendarFeed).toBe(true);
    const [stored] = await t.db.select().from(learnerSettings).where(eq(learnerSettings.userId, c.people.self.id));
    expect(stored?.calendarTokenHash).toBe(createHash('sha256').update(first.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(first.token);
    expect((await fetchFeed(first.path)).statusCode).toBe(200);

    const second = await makeFeed(c);
    expect(second.token).not.toBe(first.token);
    const revoked = await fetchFeed(first.path);
    expect(revoked.statusCode).toBe(404);
    expect((await fetchFeed(second.path)).statusCode).toBe(200);

    await call(c, 'self', 'DELETE', '/api/calendar/feed');
    expect((await settings()).hasCalendarFeed).toBe(false);
    const off = await fetchFeed(second.path);
    expect(off.statusCode).toBe(404);
    // Turning off twice is fine.
    await call(c, 'self', 'DELETE', '/api/calendar/feed');

    // Revoked, turned off, unknown and malformed all answer alike: nothing tells a guess apart.
    const garbage = [
      '/api/calendar/not-a-token.ics',
      `/api/calendar/${'A'.repeat(43)}.ics`,
      `/api/calendar/${encodeURIComponent("'; drop table learner_settings; --")}.ics`,
    ];
    for (const path of garbage) {
      const res = await fetchFeed(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toEqual(revoked.json());
    }
    expect(off.json()).toEqual({ error: { code: 'not_found', message: 'Calendar feed was not found.' } });
  });

  it('answers 304 while nothing changed, and a new ETag when something did', async () => {
    const { c, main, empty } = await learnerWithPlans();
    const feed = await makeFeed(c);
    const first = await fetchFeed(feed.path);
    const again = await fetchFeed(feed.path);
    expect(again.body).toBe(first.body);
    const etag = String(first.headers.etag);
    const unchanged = await fetchFeed(feed.path, { 'if-none-match': `W/"other", ${etag}` });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');

    // The same all day on the learner's clock (UTC+14), whatever the hour; the next day moves the check-in of
    // the plan never checked in, with a DTSTAMP that is not in the future.
    const at = (iso: string) => renderCalendarFeed(t.ctx, feed.token, new Date(iso));
    const morning = await at('2027-01-10T10:30:00Z');
    expect((await at('2027-01-11T09:59:00Z')).body).toBe(morning.body);
    const nextDay = await at('2027-01-11T10:30:00Z');
    expect(nextDay.etag).not.toBe(morning.etag);
    const moved = parse(nextDay.body).events.get(`checkin-${empty.planId}@localhost`);
    expect(startOf(moved).toString()).toBe('2027-01-12');
    expect(text(moved, 'dtstamp')).toBe('2027-01-11T00:00:00Z');
    expect(Date.parse(text(moved, 'dtstamp'))).toBeLessThanOrEqual(Date.parse('2027-01-11T10:30:00Z'));

    const [goalId] = main.goalIds;
    await call(c, 'self', 'PATCH', `/api/plans/${main.planId}/goals/${goalId}`, { progress: 60, version: 1 });
    const changed = await fetchFeed(feed.path, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(text(parse(changed.body).events.get(`goal-${goalId}@localhost`), 'description')).toMatch(/Progress: 60%/);
  });
});
