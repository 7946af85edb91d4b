import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { adminsOnly, ownerOnly, type Row, signedIn } from '../matrix-kit.js';

/**
 * `self`, with a note and a file as evidence, removed from the organisation by the owner: their archive and
 * its file. Only `self` may read them; everyone else meets 404 as if they did not exist.
 */
async function archiveOfSelf(c: Cast, t: TestApp) {
  const as = async (kind: 'self' | 'owner', method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: c.as(kind), ...(payload && { payload }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const plan = await as('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const goal = await as('self', 'POST', `/api/plans/${plan.id}/goals`, { what: 'Run a workshop' });
  const form = new FormData();
  form.append('file', new Blob(['What I learned']), 'notes.txt');
  const encoded = new Response(form);
  await t.app.inject({
    method: 'POST',
    url: `/api/plans/${plan.id}/goals/${goal.id}/evidence/files`,
    headers: { ...c.as('self'), 'content-type': encoded.headers.get('content-type') as string },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  await as('owner', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`);
  const [archive] = (await as('self', 'GET', '/api/me/archives')).archives;
  return { url: `/api/me/archives/${archive.id}`, fileId: archive.files[0].id as string };
}

// Removed, `self` is no longer in the organisation: still signed in, and still the only reader of their data.
const onlySelf = ownerOnly;

export const rows: Row[] = [
  {
    route: 'GET /api/me/archives',
    request: () => ({ method: 'GET', url: '/api/me/archives' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/me/archives/:archiveId/download',
    request: async (c, t) => ({ method: 'GET', url: `${(await archiveOfSelf(c, t)).url}/download` }),
    expect: onlySelf(200),
  },
  {
    route: 'GET /api/me/archives/:archiveId/files/:fileId',
    request: async (c, t) => {
      const archive = await archiveOfSelf(c, t);
      return { method: 'GET', url: `${archive.url}/files/${archive.fileId}` };
    },
    expect: onlySelf(200),
  },
  {
    route: 'GET /api/orgs/:orgId/removed-members',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/removed-members` }),
    expect: adminsOnly(200),
  },
];
