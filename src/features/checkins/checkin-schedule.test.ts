import { describe, expect, it } from 'vitest';
import { localDate, localHour } from '../settings/local-time.js';
import { checkinDueOn } from './checkin-schedule.js';

describe('check-in schedule', () => {
  it('is due one period after the last check-in, or at once if there was none', () => {
    expect(checkinDueOn('none', '2027-01-10', '2027-01-12')).toBeNull();
    expect(checkinDueOn('weekly', null, '2027-01-12')).toBe('2027-01-12');
    expect(checkinDueOn('daily', '2027-02-28', '2027-03-05')).toBe('2027-03-01');
    expect(checkinDueOn('weekly', '2027-12-29', '2028-01-01')).toBe('2028-01-05');
    // A month after 31 January is the last day of February, not 3 March.
    expect(checkinDueOn('monthly', '2027-01-31', '2027-02-01')).toBe('2027-02-28');
  });

  it('reads dates and hours on the learner’s own clock', () => {
    const at = new Date('2027-03-01T22:30:00Z');
    expect(localDate('UTC', at)).toBe('2027-03-01');
    expect(localDate('Europe/Helsinki', at)).toBe('2027-03-02');
    expect(localHour('Europe/Helsinki', at)).toBe(0);
    expect(localDate('America/Los_Angeles', at)).toBe('2027-03-01');
    expect(localHour('America/Los_Angeles', at)).toBe(14);
  });
});
