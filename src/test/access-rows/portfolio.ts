import { eq } from 'drizzle-orm';
import { portfolioLink } from '../../db/schema/index.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, ownerOnly, type Row } from '../matrix-kit.js';

/**
 * A secret link to the portfolio of `self`, whose one achieved goal has a file as evidence. `state` makes the
 * link revoked (through the API) or expired (in the database, as time would). Answers the URLs the rows need.
 */
async function sharedPortfolioOfSelf(c: Cast, t: TestApp, state: 'working' | 'revoked' | 'expired' = 'working') {
  const call = async (method: 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: c.as('self'), ...(payload && { payload }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? undefined : (res.json() as { id: string; url: string });
  };
  const plan = await call('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const goal = await call('POST', `/api/plans/${plan?.id}/goals`, { what: 'Run a workshop', status: 'achieved' });
  const form = new FormData();
  form.append('file', new Blob(['What I learned']), 'notes.txt');
  const encoded = new Response(form);
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${plan?.id}/goals/${goal?.id}/evidence/files`,
    headers: { ...c.as('self'), 'content-type': encoded.headers.get('content-type') as string },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);
  const link = await call('POST', '/api/portfolio/links', { organizationId: c.org.id, label: 'For the matrix' });
  if (state === 'revoked') await call('DELETE', `/api/portfolio/links/${link?.id}`);
  if (state === 'expired') {
    await t.db
      .update(portfolioLink)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portfolioLink.id, link?.id as string));
  }
  const url = `/api/portfolio/shared/${link?.url.split('/p/')[1]}`;
  return { linkUrl: `/api/portfolio/links/${link?.id}`, url, fileUrl: `${url}/evidence/${upload.json().id}/file` };
}

/**
 * The learner's own portfolio and links: any member may have them, each their own (portfolio.test.ts checks
 * the contents). A secret link is the key to what it shares: a working one opens the portfolio and its files
 * to everyone, signed in or not; a revoked or expired one to nobody, the learner included.
 */
export const rows: Row[] = [
  {
    route: 'GET /api/portfolio',
    request: (c) => ({ method: 'GET', url: `/api/portfolio?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/portfolio/links',
    request: (c) => ({ method: 'GET', url: `/api/portfolio/links?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/portfolio/links',
    request: (c) => ({ method: 'POST', url: '/api/portfolio/links', payload: { organizationId: c.org.id } }),
    expect: orgScoped(201),
  },
  {
    route: 'PATCH /api/portfolio/links/:linkId',
    request: async (c, t) => ({
      method: 'PATCH',
      url: (await sharedPortfolioOfSelf(c, t)).linkUrl,
      payload: { showBadges: true },
    }),
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/portfolio/links/:linkId',
    request: async (c, t) => ({ method: 'DELETE', url: (await sharedPortfolioOfSelf(c, t)).linkUrl }),
    expect: ownerOnly(204),
  },
  {
    route: 'GET /api/portfolio/shared/:token',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t)).url }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/portfolio/shared/:token',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t, 'revoked')).url }),
    expect: everyone(404),
  },
  {
    route: 'GET /api/portfolio/shared/:token',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t, 'expired')).url }),
    expect: everyone(404),
  },
  {
    route: 'GET /api/portfolio/shared/:token/evidence/:evidenceId/file',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t)).fileUrl }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/portfolio/shared/:token/evidence/:evidenceId/file',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t, 'revoked')).fileUrl }),
    expect: everyone(404),
  },
  {
    route: 'GET /api/portfolio/shared/:token/evidence/:evidenceId/file',
    request: async (c, t) => ({ method: 'GET', url: (await sharedPortfolioOfSelf(c, t, 'expired')).fileUrl }),
    expect: everyone(404),
  },
];
