import { type Row, signedIn } from '../matrix-kit.js';

/** Everyone keeps their own settings: any signed-in person, nobody else's. */
export const rows: Row[] = [
  { route: 'GET /api/settings', request: () => ({ method: 'GET', url: '/api/settings' }), expect: signedIn(200) },
  {
    route: 'PATCH /api/settings',
    request: () => ({ method: 'PATCH', url: '/api/settings', payload: { checkinCadence: 'weekly' } }),
    expect: signedIn(200),
  },
];
