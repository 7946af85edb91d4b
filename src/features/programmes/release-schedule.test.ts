import { describe, expect, it } from 'vitest';
import { daysBehind, participantSchedule, weekReleaseDate } from './release-schedule.js';

const weeks = [
  { id: 'w0', position: 0, catchUp: false },
  { id: 'w1', position: 1, catchUp: false },
  { id: 'w2', position: 2, catchUp: true },
  { id: 'w3', position: 3, catchUp: false },
];

describe('release schedule', () => {
  it('releases week k on the start date plus k weeks', () => {
    expect(weekReleaseDate('2027-03-01', 0, 'cohort')).toBe('2027-03-01');
    expect(weekReleaseDate('2027-03-01', 3, 'cohort')).toBe('2027-03-22');
    expect(weekReleaseDate('2027-03-01', 3, 'all_at_once')).toBe('2027-03-01');
  });

  it('a week released "Monday" is Monday in the participant\'s own time zone', () => {
    // Sunday 7 March 2027, 23:30 UTC: already Monday 8 March in Helsinki, still Sunday in Los Angeles.
    const now = new Date('2027-03-07T23:30:00Z');
    const helsinki = participantSchedule(weeks, '2027-03-01', 'cohort', 'Europe/Helsinki', now);
    const la = participantSchedule(weeks, '2027-03-01', 'cohort', 'America/Los_Angeles', now);
    expect(helsinki.currentWeekId).toBe('w1');
    expect(la.currentWeekId).toBe('w0');
    expect(la.next?.releasedOn).toBe('2027-03-08');
  });

  it('says when the schedule has not started, a catch-up week and the last week', () => {
    const before = participantSchedule(weeks, '2027-03-01', 'cohort', 'UTC', new Date('2027-02-20T12:00:00Z'));
    expect(before.currentWeekId).toBeNull();
    expect(before.next?.weekId).toBe('w0');
    const catchUp = participantSchedule(weeks, '2027-03-01', 'cohort', 'UTC', new Date('2027-03-16T12:00:00Z'));
    expect(catchUp.inCatchUpWeek).toBe(true);
    expect(catchUp.inLastWeek).toBe(false);
    const last = participantSchedule(weeks, '2027-03-01', 'cohort', 'UTC', new Date('2027-03-22T00:00:00Z'));
    expect(last.inLastWeek).toBe(true);
    expect(last.next).toBeNull();
  });

  it('a self-paced learner who enrols late starts at week 0 on their own day; all at once releases everything', () => {
    const now = new Date('2027-06-10T09:00:00Z');
    const weekly = participantSchedule(weeks, '2027-06-10', 'weekly', 'UTC', now);
    expect(weekly.weeks.filter((w) => w.released).map((w) => w.weekId)).toEqual(['w0']);
    const all = participantSchedule(weeks, '2027-06-10', 'all_at_once', 'UTC', now);
    expect(all.weeks.every((w) => w.released)).toBe(true);
    expect(all.inLastWeek).toBe(false);
  });

  it('counts days behind from the oldest released week with a required thing left undone', () => {
    const s = participantSchedule(weeks, '2027-03-01', 'cohort', 'UTC', new Date('2027-03-10T08:00:00Z'));
    expect(daysBehind(s, new Set(['w0']))).toBe(9);
    expect(daysBehind(s, new Set(['w1']))).toBe(2);
    expect(daysBehind(s, new Set(['w3']))).toBe(0);
    expect(daysBehind(s, new Set())).toBe(0);
  });
});
