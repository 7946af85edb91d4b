import { z } from 'zod';

/** What making a feed answers: its full address, shown once (only a fingerprint of the token is kept). */
export const calendarFeedView = z.object({
  url: z.url().meta({ description: 'The private feed address to subscribe to in a calendar app' }),
});
export type CalendarFeedView = z.infer<typeof calendarFeedView>;

/*
 * Any string is accepted here on purpose: a malformed token must answer 404 exactly like a revoked one,
 * not a 400 that would tell a guesser which shapes the server expects.
 */
export const calendarFeedParams = z.object({ token: z.string() });

export const calendarDocument = z.string().meta({
  description: 'An iCalendar (RFC 5545) document, served as text/calendar',
});
