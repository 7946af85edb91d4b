import { describe, expect, it } from 'vitest';
import type { ShareView } from './plans.schema.js';
import { sharingStatus } from './sharing-status.js';

/*
 * Share k is due on start + k periods; the due day itself is still on time. 2027-01-04 is a Monday, which
 * keeps the weekly dates easy to follow.
 */

const planCreatedAt = '2027-01-04T10:00:00.000Z';

function share(overrides: Partial<ShareView> & { done?: string[] } = {}): ShareView {
  const { done = [], ...rest } = overrides;
  return {
    id: 's1',
    version: 1,
    updatedAt: planCreatedAt,
    goalId: 'g1',
    how: 'post',
    detail: 'A short post on the team channel',
    audience: 'My team',
    cadence: 'weekly',
    startsOn: '2027-01-04',
    success: 'Someone tries what I wrote about',
    records: done.map((doneOn, i) => ({ id: `r${i}`, doneOn, link: null, note: '' })),
    ...rest,
  };
}

const status = (s: ShareView, today: string) => sharingStatus(s, { today, planCreatedAt, cycle: '2027' });

describe('sharingStatus', () => {
  describe('weekly', () => {
    it('is on time when every week that has ended has a share', () => {
      expect(status(share({ done: ['2027-01-08', '2027-01-15'] }), '2027-01-25')).toEqual({
        expected: 2,
        done: 2,
        behind: false,
        nextDue: '2027-01-25',
        lastDone: '2027-01-15',
      });
    });

    it('is behind when weeks pass without a share, and the next due date is the overdue one', () => {
      expect(status(share({ done: ['2027-01-08'] }), '2027-01-26')).toEqual({
        expected: 3,
        done: 1,
        behind: true,
        nextDue: '2027-01-18',
        lastDone: '2027-01-08',
      });
    });

    it('counts the due day itself as on time', () => {
      expect(status(share(), '2027-01-11')).toMatchObject({ expected: 0, behind: false, nextDue: '2027-01-11' });
      expect(status(share(), '2027-01-12')).toMatchObject({ expected: 1, behind: true, nextDue: '2027-01-11' });
    });

    it('moves the next due date on when sharing ahead', () => {
      const s = share({ done: ['2027-01-05', '2027-01-06', '2027-01-07'] });
      expect(status(s, '2027-01-09')).toMatchObject({ expected: 0, done: 3, behind: false, nextDue: '2027-02-01' });
    });

    it('starts from the day the plan was created when there is no start date', () => {
      expect(status(share({ startsOn: null }), '2027-01-19')).toMatchObject({ expected: 2, nextDue: '2027-01-11' });
    });

    it('expects nothing before a start date in the future', () => {
      expect(status(share({ startsOn: '2027-03-01' }), '2027-01-19')).toEqual({
        expected: 0,
        done: 0,
        behind: false,
        nextDue: '2027-03-08',
        lastDone: null,
      });
    });
  });

  it('ignores records from before the start date', () => {
    const s = share({ startsOn: '2027-01-04', done: ['2026-12-28', '2027-01-03', '2027-01-05'] });
    expect(status(s, '2027-01-12')).toEqual({
      expected: 1,
      done: 1,
      behind: false,
      nextDue: '2027-01-18',
      lastDone: '2027-01-05',
    });
  });

  it('counts a share on the start date itself', () => {
    expect(status(share({ done: ['2027-01-04'] }), '2027-01-12')).toMatchObject({ done: 1, behind: false });
  });

  it('expects one share every two weeks for fortnightly', () => {
    const s = share({ cadence: 'fortnightly', done: ['2027-01-15', '2027-01-29'] });
    expect(status(s, '2027-03-02')).toMatchObject({ expected: 4, done: 2, behind: true, nextDue: '2027-02-15' });
  });

  it('keeps monthly due dates on the start day across short months', () => {
    const s = share({ cadence: 'monthly', startsOn: '2027-01-31' });
    expect(status(s, '2027-03-30')).toMatchObject({ expected: 1, behind: true, nextDue: '2027-02-28' });
    const withOne = share({ cadence: 'monthly', startsOn: '2027-01-31', done: ['2027-02-20'] });
    expect(status(withOne, '2027-03-30')).toMatchObject({ expected: 1, behind: false, nextDue: '2027-03-31' });
  });

  it('expects one share per quarter for quarterly', () => {
    const s = share({ cadence: 'quarterly', startsOn: '2027-01-01', done: ['2027-03-15', '2027-06-20'] });
    expect(status(s, '2027-07-02')).toEqual({
      expected: 2,
      done: 2,
      behind: false,
      nextDue: '2027-10-01',
      lastDone: '2027-06-20',
    });
  });

  describe('once', () => {
    // Without a start date the plan was created on 2027-01-04, so the share is due by 2027-02-03.
    const once = (done: string[] = []) => share({ cadence: 'once', startsOn: null, done });

    it('is on time until 30 days after the start', () => {
      expect(status(once(), '2027-02-03')).toEqual({
        expected: 0,
        done: 0,
        behind: false,
        nextDue: '2027-02-03',
        lastDone: null,
      });
    });

    it('is behind after 30 days without a share', () => {
      expect(status(once(), '2027-02-04')).toMatchObject({ expected: 1, done: 0, behind: true, nextDue: '2027-02-03' });
    });

    it('is finished once shared, with no next due date', () => {
      expect(status(once(['2027-01-20']), '2027-06-01')).toEqual({
        expected: 1,
        done: 1,
        behind: false,
        nextDue: null,
        lastDone: '2027-01-20',
      });
    });

    it('uses the start date when there is one', () => {
      expect(status(share({ cadence: 'once', startsOn: '2027-03-01' }), '2027-03-10')).toMatchObject({
        expected: 0,
        nextDue: '2027-03-31',
      });
    });
  });

  describe('within the plan’s cycle', () => {
    // A 2027 plan written on 1 December 2026, as people do before the year starts.
    const early = (s: ShareView, today: string, cycle = '2027') =>
      sharingStatus(s, { today, planCreatedAt: '2026-12-01T09:00:00.000Z', cycle });

    it('gives a once-only share without a start date a date in the cycle, not 30 days after writing the plan', () => {
      const talk = share({ how: 'talk', cadence: 'once', startsOn: null });
      expect(early(talk, '2026-12-05')).toMatchObject({ expected: 0, behind: false, nextDue: '2027-01-31' });
      expect(early(talk, '2027-01-05')).toMatchObject({ behind: false, nextDue: '2027-01-31' });
    });

    it('starts recurring shares when the cycle starts', () => {
      const weekly = share({ cadence: 'weekly', startsOn: null });
      expect(early(weekly, '2026-12-20')).toMatchObject({ expected: 0, behind: false, nextDue: '2027-01-08' });
    });

    it('keeps a once-only share late in the cycle due by the cycle’s last day', () => {
      const late = share({ cadence: 'once', startsOn: '2027-03-15' });
      expect(early(late, '2027-03-20', 'Q1 2027')).toMatchObject({ nextDue: '2027-03-31' });
      expect(early(late, '2027-04-01', 'Q1 2027')).toMatchObject({ expected: 1, behind: true, nextDue: '2027-03-31' });
    });

    it('falls back to the plan’s creation day for a cycle it cannot read', () => {
      const talk = share({ cadence: 'once', startsOn: null });
      expect(early(talk, '2026-12-05', 'Onboarding')).toMatchObject({ nextDue: '2026-12-31' });
    });
  });
});
