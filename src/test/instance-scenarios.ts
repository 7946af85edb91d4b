import { randomUUID } from 'node:crypto';
import { insertGrant } from '../features/sharing/sharing.repository.js';
import { dayOfRound } from './balancer-work.js';
import {
  addMember,
  createOrg as createOrgRow,
  createPlan,
  createUser,
  DEFAULT_PASSWORD,
  type UserRow,
} from './factories.js';
import type { Person } from './instance-client.js';
import type { Instance, Instances } from './instances.js';
import type { Trial } from './propagation.js';

/*
 * The writes the multi-instance suite measures, each set up for `count` trials: what must be refused at once
 * on every instance (a share revoked, a member removed, an admin demoted, a session ended) and what must show
 * at once (an autosave, a log capture, a post). The many organisations, plans and shares of the refusals are
 * rows made by the test factories (through invitations they cost minutes of requests on a 2-core machine);
 * people sign up or sign in through the HTTP API, and every measured write and read goes through it.
 */

/** Runs `work` for 0..count-1, `parallel` at a time, in order of start; answers the results in order. */
export async function inParallel<T>(count: number, parallel: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return results;
}

const SET_UP_PARALLEL = 4;

export function scenarios(x: Instances) {
  const { client } = x;
  /** The instance set-up request i goes to. */
  const by = (i: number) => (x.instances[i % x.instances.length] as Instance).url;

  const createOrg = async (owner: Person, name: string, i = 0): Promise<string> =>
    (await client.must(by(i), 'POST', '/api/orgs', { cookie: owner.cookie, json: { name } }, 201)).body.id;

  /** Invites `person` into the organisation as `role` and has them accept; answers their membership id. */
  async function join(orgId: string, inviter: Person, person: Person, role: 'member' | 'admin', i = 0) {
    const invitation = await client.must(
      by(i),
      'POST',
      `/api/orgs/${orgId}/invitations`,
      { cookie: inviter.cookie, json: { email: person.email, role } },
      201,
    );
    const token = new URL(invitation.body.url).pathname.split('/').pop() as string;
    const accepted = await client.must(by(i + 1), 'POST', `/api/invitations/${token}/accept`, {
      cookie: person.cookie,
    });
    return accepted.body.memberId as string;
  }

  /** A session of someone the factories made (their password is DEFAULT_PASSWORD), signed in through the API. */
  const signIn = (row: UserRow, i: number) =>
    client.signIn(by(i), { name: row.name, email: row.email, password: DEFAULT_PASSWORD, cookie: '' });

  const statusOf = async (reader: Instance, path: string, cookie: string) =>
    (await client.call(reader.url, 'GET', path, { cookie })).status;

  /**
   * Where one or more reads stand: 'allowed' when each answered what it did before the write, 'refused' when
   * each answered what it must after, else what they answered (a half-refused state counts as not yet).
   */
  function stateOf(...pairs: unknown[]): string {
    const seen: unknown[] = [];
    let allowed = true;
    let refused = true;
    for (let at = 0; at < pairs.length; at += 2) {
      const value = pairs[at];
      const expected = pairs[at + 1] as { allowed: unknown; refused: unknown };
      seen.push(value);
      allowed &&= value === expected.allowed;
      refused &&= value === expected.refused;
    }
    return allowed ? 'allowed' : refused ? 'refused' : `answered ${JSON.stringify(seen)}`;
  }

  /** A trial whose write turns every read of `state` on the other instances from allowed into refused. */
  const refusal = (state: (r: Instance) => Promise<string>, write: (w: Instance) => Promise<void>) =>
    ({
      before: async (r) => {
        const before = await state(r);
        if (before !== 'allowed') throw new Error(`before the write, ${r.name} ${before}`);
      },
      write,
      shows: async (r) => (await state(r)) === 'refused',
    }) satisfies Trial;

  return {
    createOrg,
    join,

    /** A learner shares a plan per trial with a colleague, then revokes it: the colleague's read is refused. */
    async revokedShares(count: number) {
      const { org, owner, ownerMember } = await createOrgRow(x.db, { owner: await createUser(x.db) });
      const colleague = await addMember(x.db, org);
      const plans = await inParallel(count, SET_UP_PARALLEL, () => createPlan(x.db, ownerMember));
      const grants = plans.map((plan) => ({
        id: randomUUID(),
        planId: plan.id,
        granteeMemberId: colleague.id,
        scope: 'plan' as const,
        grantedBy: owner.id,
      }));
      await insertGrant(x.db, grants);
      const [learnerCookie, colleagueCookie] = await Promise.all([signIn(owner, 0), signIn(colleague.user, 1)]);
      return (i: number): Trial => {
        const { planId, id: grantId } = grants[i] as (typeof grants)[number];
        const read = async (r: Instance) => statusOf(r, `/api/shared/plans/${planId}`, colleagueCookie);
        return refusal(
          async (r) => stateOf(await read(r), { allowed: 200, refused: 404 }),
          async (w) => {
            await client.must(w.url, 'DELETE', `/api/plans/${planId}/grants/${grantId}`, { cookie: learnerCookie });
          },
        );
      };
    },

    /**
     * An owner with one organisation per trial, each with a member and an L&D admin. Removing the member
     * refuses them the organisation and their log there (which checks their memberships, cached per
     * person); demoting the admin refuses them the admin-only invitations page, and their own list of
     * organisations (the web app shows admin pages from it) no longer says admin.
     */
    async organisationsWithStaff(count: number) {
      const [owner, member, admin] = [await createUser(x.db), await createUser(x.db), await createUser(x.db)];
      const orgs = await inParallel(count, SET_UP_PARALLEL, async () => {
        const { org } = await createOrgRow(x.db, { owner });
        const staff = [
          await addMember(x.db, org, { user: member }),
          await addMember(x.db, org, { user: admin, role: 'admin' }),
        ];
        return { orgId: org.id, memberId: staff[0]?.id as string, adminId: staff[1]?.id as string };
      });
      const [ownerCookie, memberCookie, adminCookie] = await Promise.all([
        signIn(owner, 0),
        signIn(member, 1),
        signIn(admin, 2),
      ]);
      const removedMember = (i: number): Trial => {
        const { orgId, memberId } = orgs[i] as (typeof orgs)[number];
        return refusal(
          async (r) =>
            stateOf(
              await statusOf(r, `/api/orgs/${orgId}`, memberCookie),
              { allowed: 200, refused: 404 },
              await statusOf(r, `/api/log?orgId=${orgId}`, memberCookie),
              { allowed: 200, refused: 404 },
            ),
          async (w) => {
            await client.must(w.url, 'DELETE', `/api/orgs/${orgId}/members/${memberId}`, { cookie: ownerCookie }, 204);
          },
        );
      };
      const roleIn = async (r: Instance, orgId: string) =>
        (await client.must(r.url, 'GET', '/api/me', { cookie: adminCookie })).body.memberships.find(
          (m: { organizationId: string }) => m.organizationId === orgId,
        )?.role;
      const demotedAdmin = (i: number): Trial => {
        const { orgId, adminId } = orgs[i] as (typeof orgs)[number];
        return refusal(
          async (r) =>
            stateOf(
              await statusOf(r, `/api/orgs/${orgId}/invitations`, adminCookie),
              { allowed: 200, refused: 403 },
              await roleIn(r, orgId),
              { allowed: 'admin', refused: 'member' },
            ),
          async (w) => {
            await client.must(w.url, 'PATCH', `/api/orgs/${orgId}/members/${adminId}`, {
              cookie: ownerCookie,
              json: { role: 'member' },
            });
          },
        );
      };
      return { removedMember, demotedAdmin };
    },

    /** One person signed in `count` times (browsers); signing one out refuses it everywhere. */
    async signedOutSessions(count: number) {
      const person = await createUser(x.db);
      const cookies = await inParallel(count, SET_UP_PARALLEL, (i) => signIn(person, i));
      return (i: number): Trial => {
        const cookie = cookies[i] as string;
        return refusal(
          async (r) => stateOf(await statusOf(r, '/api/me', cookie), { allowed: 200, refused: 401 }),
          async (w) => {
            await client.must(w.url, 'POST', '/api/auth/sign-out', { cookie }, 204);
          },
        );
      };
    },

    /**
     * A learner who autosaves a goal, captures learning and posts, and a colleague who reads the feed:
     * each write must show on the other instances at their next request.
     */
    async learnerAtWork() {
      const learner = await client.signUp(by(0), 'Busy Learner');
      const colleague = await client.signUp(by(1), 'Colleague');
      const orgId = await createOrg(learner, 'Working Organisation');
      await join(orgId, learner, colleague, 'member');
      const plan = await client.must(
        by(1),
        'POST',
        '/api/plans',
        { cookie: learner.cookie, json: { organizationId: orgId, cycle: '2027', title: 'Plan at work' } },
        201,
      );
      const planId = plan.body.id as string;
      const created = await client.must(
        by(2),
        'POST',
        `/api/plans/${planId}/goals`,
        { cookie: learner.cookie, json: { what: 'Autosave 0' } },
        201,
      );
      const goal = { id: created.body.id as string, what: 'Autosave 0', version: created.body.version as number };
      const read = async (r: Instance, path: string, cookie = learner.cookie) =>
        (await client.must(r.url, 'GET', path, { cookie })).body;
      // The previous trial's write was seen by its readers and made by its writer: an instance that does not
      // show it now kept a stale copy, and the instances disagree.
      const expectBefore = (shown: boolean, r: Instance, what: string) => {
        if (!shown) throw new Error(`${r.name} still shows the state before the last ${what}, acknowledged earlier`);
      };

      const autosave = (i: number): Trial => {
        const what = `Autosave ${i + 1}`;
        const goalWhat = async (r: Instance) => (await read(r, `/api/plans/${planId}`)).goals[0]?.what;
        return {
          before: async (r) => expectBefore((await goalWhat(r)) === goal.what, r, 'autosave'),
          write: async (w) => {
            const saved = await client.must(w.url, 'PATCH', `/api/plans/${planId}/goals/${goal.id}`, {
              cookie: learner.cookie,
              json: { what, version: goal.version },
            });
            Object.assign(goal, { what, version: saved.body.version });
          },
          shows: async (r) => (await goalWhat(r)) === what,
        };
      };

      let lastEntry: string | undefined;
      const logIds = async (r: Instance) =>
        (await read(r, `/api/log?orgId=${orgId}`)).entries.map((e: { id: string }) => e.id) as string[];
      const capture = (i: number): Trial => {
        let id = '';
        return {
          before: async (r) => expectBefore(!lastEntry || (await logIds(r)).includes(lastEntry), r, 'capture'),
          write: async (w) => {
            const entry = await client.must(
              w.url,
              'POST',
              '/api/log',
              {
                cookie: learner.cookie,
                json: { organizationId: orgId, what: `Captured ${i}`, learnedOn: dayOfRound(i) },
              },
              201,
            );
            id = entry.body.id;
            lastEntry = id;
          },
          shows: async (r) => (await logIds(r)).includes(id),
        };
      };

      let lastPost: string | undefined;
      const feedIds = async (r: Instance) =>
        (await read(r, `/api/feed?orgId=${orgId}`, colleague.cookie)).posts.map(
          (p: { id: string }) => p.id,
        ) as string[];
      const post = (i: number): Trial => {
        let id = '';
        return {
          before: async (r) => expectBefore(!lastPost || (await feedIds(r)).includes(lastPost), r, 'post'),
          write: async (w) => {
            const made = await client.must(
              w.url,
              'POST',
              '/api/posts',
              {
                cookie: learner.cookie,
                json: { organizationId: orgId, body: `Learning out loud, post ${i}`, visibility: 'organization' },
              },
              201,
            );
            id = made.body.id;
            lastPost = id;
          },
          shows: async (r) => (await feedIds(r)).includes(id),
        };
      };
      return { autosave, capture, post };
    },
  };
}
