import { randomUUID } from 'node:crypto';
import { organization } from '../db/schema/index.js';
import type { TestApp } from './app.js';
import { addMembers, createUsers, type MemberRow, type OrgRow, type UserRow } from './factories.js';

type Member = MemberRow & { user: UserRow };
type Seven<T> = [T, T, T, T, T, T, T];

/** The kinds of people every route is tried as, in the access matrix and elsewhere. */
export const actorKinds = ['anonymous', 'self', 'otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const;
export type ActorKind = (typeof actorKinds)[number];

/**
 * One organisation with a person of every kind around a member called `self` (the owner of the data
 * under test): their supervisor, another member, an L&D admin and the org owner; plus a member of
 * another organisation. Everyone but anonymous has a signed-in session cookie.
 */
export async function createCast(t: TestApp) {
  // Made set-wise (a few statements, not thirty): the access matrix makes a fresh cast for each of its thousands
  // of cells.
  const orgs = await t.db
    .insert(organization)
    .values([
      { id: randomUUID(), name: `Organisation ${randomUUID().slice(0, 8)}` },
      { id: randomUUID(), name: `Organisation ${randomUUID().slice(0, 8)}` },
    ])
    .returning();
  const [org, elsewhereOrg] = orgs as [OrgRow, OrgRow];
  const users = await createUsers(t.db, 7);
  const [owner, adminUser, supervisorUser, selfUser, otherUser, elsewhereOwner, outsiderUser] = users.map(
    (u) => u as UserRow,
  ) as Seven<UserRow>;
  const supervisorId = randomUUID();
  const members = await addMembers(t.db, [
    { org, user: owner, role: 'owner' },
    { org, user: adminUser, role: 'admin' },
    { id: supervisorId, org, user: supervisorUser },
    { org, user: selfUser, supervisorId },
    { org, user: otherUser },
    { org: elsewhereOrg, user: elsewhereOwner, role: 'owner' },
    { org: elsewhereOrg, user: outsiderUser },
  ]);
  const [ownerMember, admin, supervisor, self, otherMember, , outsider] = members as Seven<Member>;

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
  await Promise.all(
    Object.entries(people).map(async ([kind, person]) => {
      cookies[kind as ActorKind] = await t.sessionFor(person.id);
    }),
  );

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
