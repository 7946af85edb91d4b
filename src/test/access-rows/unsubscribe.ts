import { unsubscribeToken } from '../../features/settings/unsubscribe-token.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, type Row } from '../matrix-kit.js';

/** The link from an e-mail to `self`: whoever holds it may use it, signed in or not (RFC 8058). */
const linkOfSelf = (c: Cast, t: TestApp) =>
  `/api/unsubscribe?token=${unsubscribeToken(t.ctx.authSecret, c.people.self.id, 'checkin_due')}`;

export const rows: Row[] = [
  {
    route: 'GET /api/unsubscribe',
    request: (c, t) => ({ method: 'GET', url: linkOfSelf(c, t) }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/unsubscribe',
    request: (c, t) => ({ method: 'POST', url: linkOfSelf(c, t) }),
    expect: everyone(200),
  },
];
