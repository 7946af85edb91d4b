import { describe, expect, it } from 'vitest';
import { checkinPeriod, checkinReminder, shareReminder, targetReminders } from './reminder-rules.js';

const at = new Date('2027-03-10T10:00:00Z');

describe('reminder rules', () => {
  it('names the check-in period today is in, so an overdue check-in is reminded once per period', () => {
    expect(checkinPeriod('daily', '2027-03-01', '2027-03-10')).toBe('2027-03-10');
    expect(checkinPeriod('weekly', '2027-03-01', '2027-03-07')).toBe('2027-03-01');
    expect(checkinPeriod('weekly', '2027-03-01', '2027-03-08')).toBe('2027-03-08');
    expect(checkinPeriod('monthly', '2027-01-31', '2027-03-27')).toBe('2027-02-28');
    expect(checkinPeriod('monthly', '2027-01-31', '2027-03-28')).toBe('2027-03-28');
    expect(checkinPeriod('weekly', '2027-03-11', '2027-03-10')).toBeNull();
  });

  it('counts a learner who never checked in from the day they chose a cadence', () => {
    const learner = {
      userId: 'u',
      timeZone: 'UTC',
      cadence: 'weekly' as const,
      lastCheckin: null,
      latestPlanId: 'p',
      latestPlanOrgId: 'o',
    };
    expect(checkinReminder({ ...learner, settingsChangedAt: new Date('2027-03-10T07:00:00Z') }, at)?.dedupeKey).toBe(
      'checkin_due:2027-03-10',
    );
    expect(checkinReminder({ ...learner, cadence: 'none', settingsChangedAt: null }, at)).toBeNull();
  });

  it('skips milestones done or without a date, and goals beyond a week', () => {
    const goal = {
      userId: 'u',
      organizationId: 'o',
      planId: 'p',
      goalId: 'g',
      what: `A very long goal name ${'x'.repeat(80)}`,
      targetDate: '2027-03-18',
      milestones: [
        { id: 'm1', title: 'Done one', dueDate: '2027-03-11', done: true },
        { id: 'm2', title: '', dueDate: '2027-03-10', done: false },
        { id: 'm3', title: 'No date', dueDate: null, done: false },
      ],
    };
    const reminders = targetReminders(goal, 'UTC', at);
    expect(reminders.map((r) => r.title)).toEqual(['Milestone due today: an untitled milestone']);
    const soon = targetReminders({ ...goal, targetDate: '2027-03-17', milestones: [] }, 'UTC', at);
    expect(soon[0]?.title).toMatch(/^Target date in 7 days: “A very long goal name x+…”$/);
    expect(soon[0]?.title.length).toBeLessThan(100);
  });

  it('reminds about a sharing commitment once per missed share', () => {
    const share = {
      userId: 'u',
      organizationId: 'o',
      planId: 'p',
      planCreatedAt: new Date('2027-01-01T00:00:00Z'),
      planCycle: '2027',
      shareId: 's',
      how: 'talk',
      cadence: 'monthly',
      startsOn: '2027-01-05',
      records: [{ id: 'r', doneOn: '2027-02-01', link: null, note: '' }],
      goalWhat: null,
    };
    // Due 5 Feb and 5 Mar: one recorded, one missing.
    expect(shareReminder(share, 'UTC', at)).toMatchObject({
      dedupeKey: 'share_behind:s:2',
      title: 'Sharing behind: a talk about your learning',
    });
    const caughtUp = {
      ...share,
      records: [...share.records, { id: 'r2', doneOn: '2027-03-06', link: null, note: '' }],
    };
    expect(shareReminder(caughtUp, 'UTC', at)).toBeNull();
  });
});
