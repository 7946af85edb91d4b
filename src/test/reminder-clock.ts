/*
 * Wall clocks for a reminder due now: the scan reminds from 08:00 on the learner's own clock (reminder-rules.ts).
 */

/** A time zone where it is now between 09:00 and 20:00, so a reminder is due today and the date holds. */
export function zoneInDeliveryHours(now: Date): string {
  const zones = [
    'Pacific/Honolulu',
    'America/Los_Angeles',
    'America/Chicago',
    'America/New_York',
    'America/Sao_Paulo',
    'Atlantic/Azores',
    'Europe/London',
    'Europe/Helsinki',
    'Asia/Dubai',
    'Asia/Kolkata',
    'Asia/Bangkok',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Pacific/Auckland',
    'Pacific/Kiritimati',
  ];
  const hour = (timeZone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
  const zone = zones.find((z) => hour(z) >= 9 && hour(z) < 20);
  if (!zone) throw new Error(`no listed time zone is between 09:00 and 20:00 at ${now.toISOString()}`);
  return zone;
}

/** The date `days` after today on the wall clock of `timeZone`, as YYYY-MM-DD. */
export function localDatePlus(timeZone: string, days: number, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
