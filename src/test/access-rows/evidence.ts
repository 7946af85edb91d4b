import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** A goal of `self` with one piece of file evidence; answers the URLs the rows need. */
async function evidenceOfSelf(c: Cast, t: TestApp) {
  const plan = await planOfSelf(c, t);
  const goalUrl = `${plan.url}/goals/${plan.ids.goals}/evidence`;
  const form = new FormData();
  form.append('file', new Blob(['What I learned']), 'notes.txt');
  const encoded = new Response(form);
  const res = await t.app.inject({
    method: 'POST',
    url: `${goalUrl}/files`,
    headers: { ...c.as('self'), 'content-type': encoded.headers.get('content-type') as string },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return { goalUrl, url: `${plan.url}/evidence/${res.json().id}` };
}

/** Evidence is part of the goal: private to the plan's owner (downloads too). */
export const rows: Row[] = [
  {
    route: 'GET /api/plans/:planId/goals/:goalId/evidence',
    request: async (c, t) => ({ method: 'GET', url: (await evidenceOfSelf(c, t)).goalUrl }),
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/plans/:planId/goals/:goalId/evidence',
    request: async (c, t) => ({
      method: 'POST',
      url: (await evidenceOfSelf(c, t)).goalUrl,
      payload: { kind: 'note', title: 'Feedback', note: 'Went well' },
    }),
    expect: ownerOnly(201),
  },
  {
    // The row's request is JSON, so the owner gets the "send multipart" error: access is checked on the way.
    route: 'POST /api/plans/:planId/goals/:goalId/evidence/files',
    request: async (c, t) => ({ method: 'POST', url: `${(await evidenceOfSelf(c, t)).goalUrl}/files`, payload: {} }),
    expect: ownerOnly(400),
  },
  {
    route: 'PATCH /api/plans/:planId/evidence/:evidenceId',
    request: async (c, t) => ({ method: 'PATCH', url: (await evidenceOfSelf(c, t)).url, payload: { title: 'New' } }),
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/plans/:planId/evidence/:evidenceId',
    request: async (c, t) => ({ method: 'DELETE', url: (await evidenceOfSelf(c, t)).url }),
    expect: ownerOnly(204),
  },
  {
    route: 'GET /api/plans/:planId/evidence/:evidenceId/file',
    request: async (c, t) => ({ method: 'GET', url: `${(await evidenceOfSelf(c, t)).url}/file` }),
    expect: ownerOnly(200),
  },
];
