import type { Locator, Page } from 'playwright-core';

/**
 * The date field named `label` (React Aria's date picker, ui/date-field.tsx): its group of segments, found
 * by the label as a person finds it.
 */
export const dateField = (scope: Page | Locator, label: string) =>
  scope.getByRole('group', { name: label, exact: true });

/**
 * Types a calendar day ("2027-06-30") into the date field named `label` by keyboard, segment by segment, in
 * whatever order the browser's language puts day, month and year.
 */
export async function fillDate(scope: Page | Locator, label: string, day: string) {
  const [year, month, date] = day.split('-') as [string, string, string];
  const group = dateField(scope, label);
  for (const [type, digits] of [
    ['month', month],
    ['day', date],
    ['year', year],
  ] as const) {
    const segment = group.locator(`[data-type="${type}"]`);
    await segment.focus();
    await segment.pressSequentially(digits);
  }
}

/** The `YYYY-MM-DD` the date field named `name` sends with its form ('' when empty). */
export const dateValue = (scope: Page | Locator, name: string) =>
  scope.locator(`input[name="${name}"]:not([form=""])`).inputValue(); // the other one only validates
