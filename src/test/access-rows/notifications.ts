import { randomUUID } from 'node:crypto';
import { notification } from '../../db/schema/index.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { ownerOnly, type Row, signedIn } from '../matrix-kit.js';

/** A notification of `self`; returns its id. */
async function notificationOfSelf(c: Cast, t: TestApp) {
  const id = randomUUID();
  await t.db.insert(notification).values({
    id,
    userId: c.people.self.id,
    organizationId: c.org.id,
    kind: 'checkin_due',
    title: 'Time for your check-in',
    dedupeKey: `matrix:${id}`,
  });
  return id;
}

/** Everyone reads and marks their own notifications; someone else's answers 404 like a missing one. */
export const rows: Row[] = [
  {
    route: 'GET /api/notifications',
    request: () => ({ method: 'GET', url: '/api/notifications' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/notifications/unread-count',
    request: () => ({ method: 'GET', url: '/api/notifications/unread-count' }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/notifications/:id/read',
    request: async (c, t) => ({ method: 'POST', url: `/api/notifications/${await notificationOfSelf(c, t)}/read` }),
    expect: ownerOnly(200),
  },
  {
    // Marks the asker's own only (notifications.test.ts checks that others' stay unread).
    route: 'POST /api/notifications/read-all',
    request: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    expect: signedIn(200),
  },
];
