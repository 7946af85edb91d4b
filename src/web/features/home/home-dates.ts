import { formatDay } from '../../lib/dates';

/** A day (YYYY-MM-DD) as people say it, relative to `today` when it is near. */
export function whenLabel(day: string, today: string): string {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  const date = formatDay(day);
  if (days > 1 && days < 7) return `in ${days} days (${date})`;
  return days < 0 ? `since ${date}` : `on ${date}`;
}
