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

/** An answer nobody will read: its body is let go, which frees its connection. */
const discard = (response: Promise<Response>) => response.then((r) => r.body?.cancel()).catch(() => {});

/** The reads started early that nothing took, let go now. */
export function dropUntaken(): string[] {
  const paths = [...started.keys()];
  for (const { response } of started.values()) discard(response);
  started.clear();
  return paths;
}

/** The response started early for GET `path`, if there is a fresh one; it is then no longer there. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  if (!early) return undefined;
  started.delete(path);
  if (Date.now() - early.at < FRESH_MS) return early.response;
  discard(early.response);
  return undefined;
}
