import { adminsOnly, orgScoped, type Row } from '../matrix-kit.js';

/* The audit log: read by the organisation's owners and L&D admins; how long it is kept, by owners alone. */

const audit = (orgId: string) => `/api/orgs/${orgId}/audit`;

export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/audit',
    request: (c) => ({ method: 'GET', url: audit(c.org.id) }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/audit.csv',
    request: (c) => ({ method: 'GET', url: `${audit(c.org.id)}.csv` }),
    expect: adminsOnly(200),
  },
  {
    route: 'PUT /api/orgs/:orgId/audit/settings',
    request: (c) => ({ method: 'PUT', url: `${audit(c.org.id)}/settings`, payload: { retentionDays: 90 } }),
    expect: { ...orgScoped(403), owner: 200 },
  },
];
