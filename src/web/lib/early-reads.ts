/*
 * Reads started before the app's code has arrived (landing.ts, run by the entry script), for the app's first GET of
 * the same path to take instead of asking again (api.ts). Each is taken once, and only while fresh: a later read
 * asks the server as usual.
 */

const FRESH_MS = 10_000;

const started = new Map<string, { response: Promise<Response>; at: number }>();

/** Starts GET `path` now, with the session cookie, as api.ts would. */
export function readEarly(path: string) {
  const response = fetch(path, { credentials: 'same-origin' });
  response.catch(() => {}); // a failure is the taker's to report (api.ts), not an unhandled rejection
  started.set(path, { response, at: Date.now() });
}

/** The response started early for GET `path`, if there is a fresh one; it is then no longer there. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  if (!early) return undefined;
  started.delete(path);
  return Date.now() - early.at < FRESH_MS ? early.response : undefined;
}
