import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership } from '../../db/schema/index.js';
import { forbidden, notFound, unauthenticated } from '../../server/errors.js';
import type { Actor } from './actor.js';

export type Role = 'owner' | 'admin' | 'member';
export type MembershipRow = typeof membership.$inferSelect;
export type SignedIn = Extract<Actor, { kind: 'user' }>;

/**
 * Every action a service can ask about, with who may do it. An actor who is not a member of the
 * organisation never gets here: they get 404 as if the organisation did not exist.
 */
const rules = {
  'org:read': () => true,
  'org:update': ({ me }) => me.role === 'owner',
  'member:list': () => true,
  'member:read': () => true,
  'member:update-profile': ({ me, target }) => me.id === target?.id,
  'member:set-supervisor': ({ me }) => isAdmin(me.role),
  // Admins manage members and other admins; only owners touch owners.
  'member:set-role': ({ me, target }) => me.role === 'owner' || (me.role === 'admin' && target?.role !== 'owner'),
  'member:remove': ({ me, target }) =>
    me.id === target?.id || me.role === 'owner' || (me.role === 'admin' && target?.role !== 'owner'),
  'invitation:manage': ({ me }) => isAdmin(me.role),
  // Who was removed and until when their data is kept for them (never the data: that is the learner's).
  'member:list-removed': ({ me }) => isAdmin(me.role),
  // The organisation's guide and plan templates: everyone uses them, L&D admins (and owners) shape them.
  'guide:read': () => true,
  'guide:update': ({ me }) => isAdmin(me.role),
  'template:use': () => true,
  'template:manage': ({ me }) => isAdmin(me.role),
  // Communities of practice: anyone may start one and join; L&D admins feature them for everyone.
  'community:create': () => true,
  'community:feature': ({ me }) => isAdmin(me.role),
  // Insights: each learner decides alone whether they count; L&D admins (and owners) read aggregates only.
  'insights:consent': ({ me, target }) => me.id === target?.id,
  'insights:read': ({ me }) => isAdmin(me.role),
  'insights:manage': ({ me }) => isAdmin(me.role),
} satisfies Record<string, (c: { me: MembershipRow; target?: MembershipRow }) => boolean>;

export type OrgAction = keyof typeof rules;
const actionsOnAMember = new Set<OrgAction>([
  'member:read',
  'member:update-profile',
  'member:set-supervisor',
  'member:set-role',
  'member:remove',
  'insights:consent',
]);

export function isAdmin(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** The actor must be signed in; anonymous requests get 401. */
export function requireUser(actor: Actor): SignedIn {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

export async function findMembership(db: Database, orgId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.userId, userId)))
    .limit(1);
  return row;
}

/**
 * The single gate every organisation-scoped service call goes through.
 * - anonymous → 401; not a member of the organisation → 404 (ids leak nothing);
 * - a target member outside the organisation → 404; a member lacking the right → 403.
 * Returns the actor's membership and the target's, so the service need not load them again.
 */
export async function requireAccess(
  db: Database,
  actor: Actor,
  action: OrgAction,
  resource: { orgId: string; memberId?: string },
): Promise<{ user: SignedIn; me: MembershipRow; target?: MembershipRow }> {
  const user = requireUser(actor);
  const me = await findMembership(db, resource.orgId, user.userId);
  if (!me) throw notFound('Organisation');
  let target: MembershipRow | undefined;
  if (actionsOnAMember.has(action)) {
    if (!resource.memberId) throw new Error(`${action} needs a memberId`);
    target =
      resource.memberId === me.id
        ? me
        : (
            await db
              .select()
              .from(membership)
              .where(and(eq(membership.id, resource.memberId), eq(membership.organizationId, resource.orgId)))
              .limit(1)
          )[0];
    if (!target) throw notFound('Member');
  }
  if (!rules[action]({ me, target })) throw forbidden();
  return { user, me, target };
}
