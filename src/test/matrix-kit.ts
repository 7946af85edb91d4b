import { randomUUID } from 'node:crypto';
import { type ActorKind, actorKinds, type Cast } from './actors.js';
import type { TestApp } from './app.js';

/*
 * What access-matrix rows are made of. Each feature's rows are in `access-rows/<feature>.ts` (exporting
 * `rows`); route-rows.ts gathers them all for access-matrix.test.ts.
 */

export type Request = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  /** Headers of the body itself (a multipart boundary); the actor's cookie is added to them. */
  headers?: Record<string, string>;
};
export type Row = {
  route: string;
  /** Builds the request; may prepare data (e.g. an invitation) first. */
  request: (c: Cast, t: TestApp) => Promise<Request> | Request;
  expect: Record<ActorKind, number>;
};

export const everyone = (status: number): Record<ActorKind, number> =>
  Object.fromEntries(actorKinds.map((k) => [k, status])) as Record<ActorKind, number>;
/** Any signed-in person gets `signedIn`; anonymous gets 401. */
export const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
/** Members of the organisation get `member`; outsiders 404; anonymous 401. */
export const orgScoped = (member: number) => ({ ...everyone(member), anonymous: 401, outsider: 404 });
/** Only owners and L&D admins; other members 403. */
export const adminsOnly = (ok: number) => ({ ...orgScoped(403), admin: ok, owner: ok });

export async function inviteSomeone(c: Cast, t: TestApp, email = `invitee-${randomUUID()}@example.test`) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${c.org.id}/invitations`,
    headers: c.as('owner'),
    payload: { email },
  });
  return res.json() as { id: string; url: string };
}

/** Only the owner of the data; everyone else, in the organisation or not, gets 404 as if it did not exist. */
export const ownerOnly = (ok: number) => ({ ...everyone(404), anonymous: 401, self: ok });

/** A plan of `self` with one item in each part and some history. */
export async function planOfSelf(c: Cast, t: TestApp) {
  const call = async (method: Request['method'], url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: c.as('self'), ...(payload && { payload }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const plan = await call('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const url = `/api/plans/${plan.id}`;
  const reflection = await call('POST', `${url}/reflections`, { what: 'Reading club' });
  const goal = await call('POST', `${url}/goals`, { what: 'Run a workshop' });
  const network = await call('POST', `${url}/network`, { kind: 'person', name: 'Ada', goalIds: [goal.id] });
  const share = await call('POST', `${url}/shares`, { goalId: goal.id, how: 'post', cadence: 'monthly' });
  const history = (await t.app.inject({ method: 'GET', url: `${url}/revisions`, headers: c.as('self') })).json();
  const ids = { reflections: reflection.id, goals: goal.id, network: network.id, shares: share.id };
  return { url, ids, revisionId: history.revisions[0].id as string };
}

/** A log entry of `self`; returns its URL. */
export async function logEntryOfSelf(c: Cast, t: TestApp) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/log',
    headers: c.as('self'),
    payload: { organizationId: c.org.id, what: 'Pivot tables group by month' },
  });
  return `/api/log/${(res.json() as { id: string }).id}`;
}
