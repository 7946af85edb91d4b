import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, type Row, signedIn } from '../matrix-kit.js';

/** The path of a fresh feed of `self` (made through the real route, as the learner would). */
async function feedOfSelf(c: Cast, t: TestApp) {
  const res = await t.app.inject({ method: 'POST', url: '/api/calendar/feed', headers: c.as('self') });
  return new URL((res.json() as { url: string }).url).pathname;
}

/** The calendar feed's routes in the access matrix (access-matrix.test.ts). */
export const rows: Row[] = [
  // Everyone manages their own feed only: the routes take no id, so nobody can reach another person's.
  {
    route: 'POST /api/calendar/feed',
    request: () => ({ method: 'POST', url: '/api/calendar/feed' }),
    expect: signedIn(201),
  },
  {
    route: 'DELETE /api/calendar/feed',
    request: () => ({ method: 'DELETE', url: '/api/calendar/feed' }),
    expect: signedIn(204),
  },
  {
    // The token in the address is the key, not the session: calendar apps fetch it signed out, so a valid
    // token answers 200 to every kind of actor alike, and whoever holds the address sees the feed. That is
    // why it is long and random, shown once, and revocable (calendar.test.ts checks revoked and unknown
    // tokens answer 404, and that the feed holds only the learner's own plans).
    route: 'GET /api/calendar/:token.ics',
    request: async (c, t) => ({ method: 'GET', url: await feedOfSelf(c, t) }),
    expect: everyone(200),
  },
];
