import { ApiError, api } from '../../lib/api';
import { dropCapture, keptCaptures, markRefused } from '../../lib/device-store';
import type { LogEntryView } from './log-api';

/*
 * Sends the captures kept on this device for the person signed in, oldest first. Each goes with its capture key,
 * so one that reached the server before (its answer lost) answers the entry it made: never a second one. A
 * capture leaves the device only when the server has it (201, or 200 for one it had already); one it refused
 * stays, with the reason, for the person to edit or discard. Loaded only when there is something to do.
 */

/** Answers the server could give later (no connection, the database away, too many requests): try again later. */
const later = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status === 429 || e.status >= 500;

/**
 * How many captures reached the server, and whether some still wait to be sent; stops at the first that cannot
 * be sent now.
 */
export async function sendKeptCaptures(userId: string): Promise<{ sent: number; waiting: boolean }> {
  let sent = 0;
  for (const capture of await keptCaptures(userId)) {
    if (capture.refused) continue;
    try {
      await api<LogEntryView>('POST', '/api/log', capture.body);
      await dropCapture(capture.key);
      sent++;
    } catch (e) {
      // Signed out meanwhile: the capture waits for this person to sign in again.
      if (later(e) || (e instanceof ApiError && e.status === 401)) return { sent, waiting: true };
      // Invalid, or the person left the organisation: the words and the fields say why.
      const { message, fields } = e as ApiError;
      await markRefused(capture, { message, fields });
    }
  }
  return { sent, waiting: false };
}
