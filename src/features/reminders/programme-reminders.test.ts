import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notification } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { createCohort, createProgramme, enrolAll, setTimeZones } from '../../test/programme-progress-fixture.js';
import { saveSettings } from '../settings/settings.service.js';
import { scanReminders } from './reminders.service.js';

/*
 * Programme participants' reminders on a fixed clock: Wednesday 10 March 2027, 10:00 UTC (12:00 in Helsinki,
 * midnight in Honolulu). The programme has four weeks: two things, two things, a catch-up week, two things.
 */

const t = await createTestApp({ ownDatabase: true });
const now = new Date('2027-03-10T10:00:00Z');

/** One participant in Helsinki (or `timeZone`) of a cohort that started on `startsOn`. */
async function participant(startsOn: string, timeZone = 'Europe/Helsinki') {
  const { org } = await createOrg(t.db);
  const member = await addMember(t.db, org);
  await setTimeZones(t.db, [{ userId: member.userId, timeZone }]);
  const fx = await createProgramme(t.db, org.id, {
    title: 'Library 23 things',
    weeks: [2, 2, 0, 2],
    catchUpWeeks: [2],
    behindAfterDays: 7,
  });
  const cohort = await createCohort(t.db, fx.programme.id, startsOn);
  await enrolAll(t.db, fx.programme, [{ memberId: member.id, userId: member.userId }], {
    cohortId: cohort.id,
    startedOn: startsOn,
  });
  return { member, fx };
}

const mine = (userId: string) =>
  t.db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, userId), like(notification.kind, 'programme_%')));

const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);

describe('programme reminders', () => {
  it('tells of a week released on its release day, and kindly of falling behind, once each, by e-mail', async () => {
    const { member } = await participant('2027-03-03');
    await scanReminders(t.ctx, now);
    const rows = await mine(member.userId);
    expect(rows.map((r) => r.kind).sort()).toEqual(['programme_behind', 'programme_released']);
    expect(rows.find((r) => r.kind === 'programme_released')?.title).toBe(
      'Week 2 is out: Thing 3, Thing 4 — Library 23 things',
    );
    expect(rows.find((r) => r.kind === 'programme_behind')?.title).toContain('No rush — here’s where you left off');
    const mails = mailsTo(member.user.email);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.headers?.['List-Unsubscribe']?.includes('/api/unsubscribe?token='))).toBe(true);

    // The next day's scan: nothing released, already reminded of where they left off.
    await scanReminders(t.ctx, new Date('2027-03-11T10:00:00Z'));
    expect(await mine(member.userId)).toHaveLength(2);
    expect(mailsTo(member.user.email)).toHaveLength(2);
  });

  it('tells of a catch-up week and of the last week', async () => {
    const catchUp = await participant('2027-02-24');
    const last = await participant('2027-02-17');
    await scanReminders(t.ctx, now);
    const kinds = async (userId: string) => (await mine(userId)).map((r) => r.kind).sort();
    expect(await kinds(catchUp.member.userId)).toEqual(['programme_behind', 'programme_catch_up']);
    expect(await kinds(last.member.userId)).toEqual(['programme_behind', 'programme_last_week', 'programme_released']);
    const catchUpRow = (await mine(catchUp.member.userId)).find((r) => r.kind === 'programme_catch_up');
    expect(catchUpRow?.body).toContain('This week is a catch-up week');
  });

  it("follows the participant's own time zone: not before 08:00 there", async () => {
    const { member } = await participant('2027-03-10', 'Pacific/Honolulu');
    await scanReminders(t.ctx, now);
    expect(await mine(member.userId)).toHaveLength(0);
    await scanReminders(t.ctx, new Date('2027-03-10T18:00:00Z'));
    expect((await mine(member.userId)).map((r) => r.title)).toEqual([
      'Week 1 is out: Thing 1, Thing 2 — Library 23 things',
    ]);
  });

  it('sends no e-mail of a kind the participant turned off, and keeps it in the app', async () => {
    const { member } = await participant('2027-03-03');
    await saveSettings(t.db, member.userId, { emailOptOut: ['programme_behind'] });
    await scanReminders(t.ctx, now);
    expect(await mine(member.userId)).toHaveLength(2);
    expect(mailsTo(member.user.email).map((m) => m.subject)).toEqual([expect.stringContaining('Week 2 is out')]);
  });
});
