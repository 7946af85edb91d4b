import { describe, expect, it } from 'vitest';
import { dayText, instantText } from './date-text.js';

describe('dates in e-mails', () => {
  const at = new Date('2026-12-12T22:49:31Z');

  it('reads on the reader’s clock and names it', () => {
    expect(instantText(at, 'Europe/Helsinki')).toBe('13 December 2026 at 00:49 (Europe/Helsinki time)');
    expect(instantText(at, 'America/Chicago')).toBe('12 December 2026 at 16:49 (America/Chicago time)');
    expect(instantText(at, 'UTC')).toBe('12 December 2026 at 22:49 (UTC time)');
  });

  it('gives the day an instant falls on there', () => {
    expect(dayText(at, 'Asia/Tokyo')).toBe('13 December 2026');
    expect(dayText(at, 'Pacific/Honolulu')).toBe('12 December 2026');
  });
});
