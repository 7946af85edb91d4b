import { orgScoped, type Row } from '../matrix-kit.js';

/** Anyone in the organisation searches; what each finds is theirs to see (search.test.ts). */
export const rows: Row[] = [
  {
    route: 'GET /api/search',
    request: (c) => ({ method: 'GET', url: `/api/search?orgId=${c.org.id}&q=catalogue` }),
    expect: orgScoped(200),
  },
];
