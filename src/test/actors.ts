import type { TestApp } from './app.js';
import { addMember, createOrg } from './factories.js';

/** The kinds of people every route is tried as, in the access matrix and elsewhere. */
export const actorKinds = ['anonymous', 'self', 'otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const;
export type ActorKind = (typeof actorKinds)[number];

/**
 * One organisation with a person of every kind around a member called `self` (the owner of the data
 * under test): their supervisor, another member, an L&D admin and the org owner; plus a member of
 * another organisation. Everyone but anonymous has a signed-in session cookie.
 */
export async function createCast(t: TestApp) {
  const { org, owner, ownerMember } = await createOrg(t.db);
  const admin = await addMember(t.db, org, { role: 'admin' });
  const supervisor = await addMember(t.db, org);
  const self = await addMember(t.db, org, { supervisorId: supervisor.id });
  const otherMember = await addMember(t.db, org);
  const elsewhere = await createOrg(t.db);
  const outsider = await addMember(t.db, elsewhere.org);

  const people = {
    self: self.user,
    otherMember: otherMember.user,
    supervisor: supervisor.user,
    admin: admin.user,
    owner,
    outsider: outsider.user,
  };
  const cookies: Record<ActorKind, string | undefined> = { anonymous: undefined } as Record<
    ActorKind,
    string | undefined
  >;
  for (const [kind, person] of Object.entries(people)) cookies[kind as ActorKind] = await t.sessionFor(person.id);

  return {
    org,
    members: { self, otherMember, supervisor, admin, owner: ownerMember, outsider },
    people,
    cookies,
    /** Headers for a request made as `kind`. */
    as: (kind: ActorKind) => (cookies[kind] ? { cookie: cookies[kind] as string } : {}),
  };
}

export type Cast = Awaited<ReturnType<typeof createCast>>;

/**
 * Requests as any person of a cast, answered as { status, body }; `mine` asks as `self` (the learner under
 * test) and throws on an error, for setting up what the test is not about.
 */
export function castCalls(t: TestApp, c: Cast) {
  const call = (kind: ActorKind, method: string, url: string, payload?: object) =>
    t.call(method, url, c.as(kind) as Record<string, string>, payload);
  const mine = async (method: string, url: string, payload?: object) => {
    const res = await call('self', method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { call, mine };
}
