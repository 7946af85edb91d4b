import { describe, expect, it } from 'vitest';
import { cyclePeriod } from './cycle-period.js';

describe('cyclePeriod', () => {
  it('reads a year, a quarter, a half and a span of years', () => {
    expect(cyclePeriod('2027')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(cyclePeriod(' Q1 2027 ')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(cyclePeriod('2028-q1')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(cyclePeriod('2027 Q4')).toEqual({ start: '2027-10-01', end: '2027-12-31' });
    expect(cyclePeriod('H2 2027')).toEqual({ start: '2027-07-01', end: '2027-12-31' });
    expect(cyclePeriod('2027–2028')).toEqual({ start: '2027-01-01', end: '2028-12-31' });
  });

  it('knows February’s length in leap years', () => {
    expect(cyclePeriod('Q1 2028')?.end).toBe('2028-03-31');
    expect(cyclePeriod('H1 2028')).toEqual({ start: '2028-01-01', end: '2028-06-30' });
  });

  it('has no period for names it cannot read', () => {
    for (const name of ['Onboarding', '2027/28', 'Q5 2027', '2028-2027', '', '12027']) {
      expect(cyclePeriod(name)).toBeNull();
    }
  });
});
