import { addDays, format, parseISO } from 'date-fns';
import type { AppContext } from '../../server/context.js';
import { DELIVER_QUEUE, type NotifyInput, notify } from '../notifications/index.js';
import { loadProgrammeOutline, type ProgrammeOutline } from '../programmes/index.js';
import { programmeReminders } from './programme-reminder-rules.js';
import { activeParticipants } from './programme-reminders.repository.js';
import { checkinReminder, isDeliveryHour, NEAR_DAYS, shareReminder, targetReminders } from './reminder-rules.js';
import {
  goalsWithDatesBetween,
  lastCheckins,
  learnersWithPlans,
  notifiedAlready,
  sharingCommitments,
} from './reminders.repository.js';

/** Reminders delivered per batch: bounds the size of each "notified already?" query and job insert. */
const BATCH = 500;

/**
 * Every reminder due at `now` that has not been delivered yet: check-ins due, target dates and milestones
 * a week away or less, sharing commitments behind, and programme participants' (programme-reminder-rules.ts). Each learner's own time zone decides their "today",
 * and nobody is reminded before 08:00 there (a later scan picks them up).
 */
export async function dueReminders(ctx: AppContext, now: Date): Promise<NotifyInput[]> {
  const learners = (await learnersWithPlans(ctx.db)).filter((l) => isDeliveryHour(l.timeZone, now));
  const zoneOf = new Map(learners.map((l) => [l.userId, l.timeZone]));
  const lastCheckinOf = await lastCheckins(
    ctx.db,
    learners.filter((l) => l.cadence !== 'none').map((l) => l.userId),
  );
  // Local dates are at most a day either side of UTC's, so this range covers every learner's next week.
  // (parseISO and format both work in the process's zone, so the day arithmetic stays on calendar dates.)
  const utcToday = parseISO(now.toISOString().slice(0, 10));
  const day = (offset: number) => format(addDays(utcToday, offset), 'yyyy-MM-dd');
  const goals = await goalsWithDatesBetween(ctx.db, day(-1), day(NEAR_DAYS + 1));
  const shares = await sharingCommitments(ctx.db);

  const due: NotifyInput[] = [];
  for (const l of learners) {
    const reminder = checkinReminder({ ...l, lastCheckin: lastCheckinOf.get(l.userId) ?? null }, now);
    if (reminder) due.push(reminder);
  }
  for (const g of goals) {
    const zone = zoneOf.get(g.userId);
    if (zone) due.push(...targetReminders(g, zone, now));
  }
  for (const s of shares) {
    const zone = zoneOf.get(s.userId);
    const reminder = zone && shareReminder(s, zone, now);
    if (reminder) due.push(reminder);
  }
  due.push(...(await dueProgrammeReminders(ctx, now)));
  return due;
}

/** Programme participants' reminders: each programme's outline is read once, whatever its participants. */
async function dueProgrammeReminders(ctx: AppContext, now: Date): Promise<NotifyInput[]> {
  const participants = (await activeParticipants(ctx.db)).filter((p) => isDeliveryHour(p.timeZone, now));
  const outlines = new Map<string, ProgrammeOutline | undefined>();
  const due: NotifyInput[] = [];
  for (const p of participants) {
    if (!outlines.has(p.programmeId)) outlines.set(p.programmeId, await loadProgrammeOutline(ctx.db, p.programmeId));
    const outline = outlines.get(p.programmeId);
    if (outline) due.push(...programmeReminders(p, outline, now));
  }
  return due;
}

/**
 * The scheduled scan: finds the reminders due and not yet delivered and hands each to a delivery job
 * (or, without a job queue, delivers them now). Running it twice delivers nothing twice: the scan skips
 * what was notified, and delivery itself stores each dedupe key once. Answers what it handed on.
 */
export async function scanReminders(ctx: AppContext, now: Date): Promise<NotifyInput[]> {
  const due = await dueReminders(ctx, now);
  const handedOn: NotifyInput[] = [];
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    const done = await notifiedAlready(
      ctx.db,
      [...new Set(batch.map((r) => r.userId))],
      [...new Set(batch.map((r) => r.dedupeKey))],
    );
    const fresh = batch.filter((r) => !done.has(`${r.userId} ${r.dedupeKey}`));
    if (ctx.jobs) {
      await ctx.jobs.insert(fresh.map((data) => ({ name: DELIVER_QUEUE, data })));
    } else {
      for (const r of fresh) await notify(ctx, r);
    }
    handedOn.push(...fresh);
  }
  ctx.log.info({ at: now.toISOString(), due: due.length, handedOn: handedOn.length }, 'reminder scan');
  return handedOn;
}
