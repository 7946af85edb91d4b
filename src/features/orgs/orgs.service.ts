import { randomUUID } from 'node:crypto';
import { membership } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor, MembershipRow } from '../access/index.js';
import { requireAccess, requireUser } from '../access/index.js';
import { countMembers, findOrganization, insertOrganization, updateOrganizationRow } from './orgs.repository.js';
import type { OrgView } from './orgs.schema.js';

function view(
  org: { id: string; name: string; createdAt: Date; removedDataDays: number },
  me: MembershipRow,
  memberCount: number,
): OrgView {
  return {
    id: org.id,
    name: org.name,
    createdAt: org.createdAt.toISOString(),
    memberCount,
    removedDataDays: org.removedDataDays,
    yourRole: me.role,
    yourMemberId: me.id,
  };
}

/** Creates an organisation; its creator becomes the owner. Any signed-in person may start one. */
export async function createOrganization(ctx: AppContext, actor: Actor, input: { name: string }): Promise<OrgView> {
  const user = requireUser(actor);
  const created = await ctx.db.transaction(async (tx) => {
    const org = await insertOrganization(tx, { id: randomUUID(), name: input.name });
    const [me] = await tx
      .insert(membership)
      .values({ id: randomUUID(), organizationId: org.id, userId: user.userId, role: 'owner' })
      .returning();
    await ctx.changes.announce({ kind: 'memberships', userId: user.userId }); // one more organisation
    return view(org, me as MembershipRow, 1);
  });
  return created;
}

/** An organisation as seen by one of its members. */
export async function getOrganization(ctx: AppContext, actor: Actor, orgId: string): Promise<OrgView> {
  const { me } = await requireAccess(ctx, actor, 'org:read', { org: orgId });
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw notFound('Organisation');
  return view(org, me, await countMembers(ctx.db, orgId));
}

/** Renames an organisation, or sets how long removed members' data is kept (owners only). */
export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { name?: string; removedDataDays?: number },
) {
  const { me } = await requireAccess(ctx, actor, 'org:update', { org: orgId });
  const org = await updateOrganizationRow(ctx.db, orgId, input);
  await ctx.changes.announce({ kind: 'memberships' }); // every member's list shows the name
  return view(org, me, await countMembers(ctx.db, orgId));
}
