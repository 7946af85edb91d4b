import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarDayOf, formatDateOf, formatDateTime, formatDay, formatMonth } from './dates';

const gb = { locale: 'en-GB' };
const us = { locale: 'en-US' };

describe('formatDay: calendar days never move', () => {
  it('writes the day as the locale does', () => {
    expect(formatDay('2027-04-30', gb)).toBe('30 Apr 2027');
    expect(formatDay('2027-04-30', us)).toBe('Apr 30, 2027');
    expect(formatDay('2027-04-30', { locale: 'fi-FI' })).toBe('30.4.2027');
  });

  it('is the same day whatever the time zone of the process', () => {
    // The trap: new Date('2027-04-30') is midnight UTC, the 29th in America.
    for (const tz of ['America/Los_Angeles', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'Asia/Tokyo', 'UTC']) {
      vi.stubEnv('TZ', tz);
      expect(formatDay('2027-04-30', gb), tz).toBe('30 Apr 2027');
      expect(formatDay('2027-01-01', gb), tz).toBe('1 Jan 2027');
      expect(formatDay('2026-12-31', gb), tz).toBe('31 Dec 2026');
    }
  });

  it('ignores a time zone it is given: a day is not an instant', () => {
    expect(formatDay('2027-04-30', { ...gb, timeZone: 'Pacific/Pago_Pago' })).toBe('30 Apr 2027');
  });

  it('takes the day of a timestamp as written, and shows what is not a date as it came', () => {
    expect(formatDay('2027-04-30T23:59:59.000Z', gb)).toBe('30 Apr 2027');
    expect(formatDay('30/04/2027', gb)).toBe('30/04/2027');
    expect(formatMonth('', 'short', gb)).toBe('');
  });

  it('reads leap days', () => {
    expect(formatDay('2028-02-29', gb)).toBe('29 Feb 2028');
  });

  afterEach(() => vi.unstubAllEnvs());
});

describe('instants are shown on the reader’s clock', () => {
  const instant = '2026-12-01T21:41:19.000Z';

  it('with date and time in the locale’s words, never seconds', () => {
    expect(formatDateTime(instant, { ...us, timeZone: 'UTC' })).toBe('Dec 1, 2026, 9:41 PM');
    expect(formatDateTime(instant, { ...gb, timeZone: 'UTC' })).toBe('1 Dec 2026, 21:41');
  });

  it('on the next day east of Greenwich, the day before far west', () => {
    expect(formatDateTime(instant, { ...gb, timeZone: 'Europe/Helsinki' })).toBe('1 Dec 2026, 23:41');
    expect(formatDateTime(instant, { ...gb, timeZone: 'Asia/Tokyo' })).toBe('2 Dec 2026, 06:41');
    expect(formatDateOf('2026-12-01T03:00:00Z', { ...gb, timeZone: 'America/New_York' })).toBe('30 Nov 2026');
  });

  it('across a daylight-saving change', () => {
    // Europe/Helsinki leaves summer time at 01:00 UTC on 25 Oct 2026: 03:59 EEST, then 03:00 EET again.
    expect(formatDateTime('2026-10-25T00:59:00Z', { ...gb, timeZone: 'Europe/Helsinki' })).toBe('25 Oct 2026, 03:59');
    expect(formatDateTime('2026-10-25T01:00:00Z', { ...gb, timeZone: 'Europe/Helsinki' })).toBe('25 Oct 2026, 03:00');
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(formatDateOf(new Date(instant), { ...gb, timeZone: 'UTC' })).toBe('1 Dec 2026');
  });
});

describe('calendarDayOf: what today is to the person', () => {
  it('is the local day, not Greenwich’s', () => {
    const lateEvening = '2026-12-01T23:30:00-08:00'; // 07:30 UTC on the 2nd
    expect(calendarDayOf(lateEvening, { timeZone: 'America/Los_Angeles' })).toBe('2026-12-01');
    expect(calendarDayOf(lateEvening, { timeZone: 'UTC' })).toBe('2026-12-02');
    expect(calendarDayOf('2026-12-31T22:30:00Z', { timeZone: 'Pacific/Kiritimati' })).toBe('2027-01-01');
  });
});

describe('formatMonth', () => {
  it('names a calendar month without a time zone shifting it', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    expect(formatMonth('2026-03', 'short', us)).toBe('Mar 2026');
    expect(formatMonth('2026-01', 'long', gb)).toBe('January 2026');
    vi.unstubAllEnvs();
  });
});
