import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { scimToken, scimUser } from '../db/schema/index.js';
import { insertGrant } from '../features/sharing/sharing.repository.js';
import { addMember, createOrg, createPlan, createUser, DEFAULT_PASSWORD, type UserRow } from './factories.js';
import { inParallel } from './in-parallel.js';
import type { Instance, Instances } from './instances.js';
import type { Trial } from './propagation.js';

/*
 * What must be refused at once on every instance, set up for `count` trials each: a share revoked, a member
 * removed, an admin demoted, a session ended. The many organisations, plans and shares are rows made by the
 * test factories (through invitations they cost minutes of requests on a 2-core machine); the people sign in
 * through the HTTP API, and every measured write and read goes through it.
 */

const SET_UP_PARALLEL = 4;

export function refusalTrials(x: Instances) {
  const { client } = x;
  /** The instance set-up request i goes to. */
  const by = (i: number) => (x.instances[i % x.instances.length] as Instance).url;

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
    /** A learner shares a plan per trial with a colleague, then revokes it: the colleague's read is refused. */
    async revokedShares(count: number) {
      const { org, owner, ownerMember } = await createOrg(x.db, { owner: await createUser(x.db) });
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
        const { org } = await createOrg(x.db, { owner });
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
          async (r) => {
            const [org, log] = await Promise.all([
              statusOf(r, `/api/orgs/${orgId}`, memberCookie),
              statusOf(r, `/api/log?orgId=${orgId}`, memberCookie),
            ]);
            return stateOf(org, { allowed: 200, refused: 404 }, log, { allowed: 200, refused: 404 });
          },
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
          async (r) => {
            const [page, role] = await Promise.all([
              statusOf(r, `/api/orgs/${orgId}/invitations`, adminCookie),
              roleIn(r, orgId),
            ]);
            return stateOf(page, { allowed: 200, refused: 403 }, role, { allowed: 'admin', refused: 'member' });
          },
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

    /**
     * One learner who belongs to one organisation per trial, each with a SCIM token and the learner provisioned
     * by its directory. The directory's PATCH `active: false` (sent to one instance with the token, as Entra ID
     * sends it) refuses them that organisation and their log there on every instance.
     */
    async suspendedByDirectory(count: number) {
      const learner = await createUser(x.db);
      const orgs = await inParallel(count, SET_UP_PARALLEL, async () => {
        const { org } = await createOrg(x.db);
        const member = await addMember(x.db, org, { user: learner });
        const secret = `wms_${randomBytes(32).toString('base64url')}`;
        await x.db.insert(scimToken).values({
          id: randomUUID(),
          organizationId: org.id,
          name: 'Entra ID',
          tokenHash: createHash('sha256').update(secret).digest('hex'),
          prefix: secret.slice(0, 10),
        });
        const scimId = randomUUID();
        await x.db
          .insert(scimUser)
          .values({ id: scimId, organizationId: org.id, membershipId: member.id, userName: learner.email });
        return { orgId: org.id, scimId, secret };
      });
      const cookie = await signIn(learner, 0);
      return (i: number): Trial => {
        const { orgId, scimId, secret } = orgs[i] as (typeof orgs)[number];
        return refusal(
          async (r) => {
            const [org, log] = await Promise.all([
              statusOf(r, `/api/orgs/${orgId}`, cookie),
              statusOf(r, `/api/log?orgId=${orgId}`, cookie),
            ]);
            return stateOf(org, { allowed: 200, refused: 404 }, log, { allowed: 200, refused: 404 });
          },
          async (w) => {
            const res = await fetch(`${w.url}/scim/v2/Users/${scimId}`, {
              method: 'PATCH',
              headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
              body: JSON.stringify({
                schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
              }),
            });
            if (res.status !== 204) throw new Error(`SCIM PATCH: ${res.status} ${await res.text()}`);
          },
        );
      };
    },

    /**
     * One person with `count` sessions (browsers): the first signed in through the API, the others made in the
     * database (see `sessionsFor`). Signing one out refuses it everywhere.
     */
    async signedOutSessions(count: number) {
      const person = await createUser(x.db);
      const cookies = [await signIn(person, 0), ...(await x.sessionsFor(person.id, count - 1))];
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
  };
}
