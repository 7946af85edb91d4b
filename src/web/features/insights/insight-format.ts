import { formatMonth } from '../../lib/dates';

/*
 * How insight numbers read on screen. A figure held back because it comes from fewer than k learners always
 * says so with the actual k, never 0: a zero would claim that nobody did it.
 */

export const fewerThan = (k: number) => `fewer than ${k}`;

/** A count of learners, or the words for a suppressed one. */
export const countOrFewer = (n: number | null, k: number) => (n === null ? fewerThan(k) : String(n));

export const percentOf = (n: number, whole: number) => (whole > 0 ? Math.round((n / whole) * 100) : 0);

/** "2026-03" → "Mar 2026", in the reader's language; the month is a calendar month, so no time zone applies. */
export const monthName = (month: string, style: 'short' | 'long' = 'short') => formatMonth(month, style);

export const periodName = (p: { from: string; to: string }) =>
  p.from === p.to ? monthName(p.from, 'long') : `${monthName(p.from, 'long')} to ${monthName(p.to, 'long')}`;

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
