import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import {
  addCommunityMember,
  communityNamed,
  findCommunity,
  insertCommunity,
  listCommunities,
  listCommunityMembers,
  removeCommunityMember,
  setFeatured,
} from './communities.repository.js';
import type { CommunityView, createCommunityBody } from './communities.schema.js';

type Listed = Awaited<ReturnType<typeof listCommunities>>[number];

function viewOf({ community: c, memberCount, postCount, joined }: Listed): CommunityView {
  return {
    id: c.id,
    organizationId: c.organizationId,
    name: c.name,
    topic: c.topic,
    description: c.description,
    featured: c.featured,
    memberCount,
    postCount,
    joined,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The organisation's communities, featured first. */
export async function listOrgCommunities(ctx: AppContext, actor: Actor, orgId: string): Promise<CommunityView[]> {
  const { me } = await requireAccess(ctx, actor, 'community:read-list', { org: orgId });
  return (await listCommunities(ctx.db, orgId, me.id)).map(viewOf);
}

export async function getCommunity(ctx: AppContext, actor: Actor, communityId: string): Promise<CommunityView> {
  const { me, community } = await requireAccess(ctx, actor, 'community:read', {
    community: await findCommunity(ctx.db, communityId),
  });
  const [row] = await listCommunities(ctx.db, community.organizationId, me.id, communityId);
  return viewOf(row as Listed);
}

/**
 * Starts a community; its creator is its first member. Names are unique in an organisation: a second one
 * of the same name (also two at once, by the unique index) answers 409 with the existing community.
 */
export async function createCommunity(ctx: AppContext, actor: Actor, input: z.infer<typeof createCommunityBody>) {
  const { me } = await requireAccess(ctx, actor, 'community:create', { org: input.organizationId });
  const id = randomUUID();
  const existing = await retryIfRaced(() =>
    ctx.db.transaction(async (tx) => {
      const named = await communityNamed(tx, input.organizationId, input.name);
      if (named) return named;
      await insertCommunity(tx, { id, ...input, createdByMemberId: me.id });
      await addCommunityMember(tx, id, me.id);
      return undefined;
    }),
  );
  if (existing) {
    throw conflict(
      'A community of that name exists already: join it instead.',
      { name: 'A community of that name exists already.' },
      { current: await getCommunity(ctx, actor, existing.id) },
    );
  }
  return getCommunity(ctx, actor, id);
}

/** L&D admins (and owners) feature a community, or stop featuring it. */
export async function featureCommunity(ctx: AppContext, actor: Actor, communityId: string, featured: boolean) {
  await requireAccess(ctx, actor, 'community:feature', { community: await findCommunity(ctx.db, communityId) });
  await setFeatured(ctx.db, communityId, featured);
  return getCommunity(ctx, actor, communityId);
}

export async function joinCommunity(ctx: AppContext, actor: Actor, communityId: string) {
  const { me, community } = await requireAccess(ctx, actor, 'community:join', {
    community: await findCommunity(ctx.db, communityId),
  });
  await addCommunityMember(ctx.db, communityId, me.id);
  await ctx.changes.announce({ kind: 'feed', orgId: community.organizationId });
  return getCommunity(ctx, actor, communityId);
}

/** Leaving also ends seeing the community's posts (they are shown to its members only). */
export async function leaveCommunity(ctx: AppContext, actor: Actor, communityId: string) {
  const { me, community } = await requireAccess(ctx, actor, 'community:leave', {
    community: await findCommunity(ctx.db, communityId),
  });
  await removeCommunityMember(ctx.db, communityId, me.id);
  await ctx.changes.announce({ kind: 'feed', orgId: community.organizationId });
  return getCommunity(ctx, actor, communityId);
}

export async function membersOfCommunity(ctx: AppContext, actor: Actor, communityId: string) {
  await requireAccess(ctx, actor, 'community:read', { community: await findCommunity(ctx.db, communityId) });
  const rows = await listCommunityMembers(ctx.db, communityId);
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}
