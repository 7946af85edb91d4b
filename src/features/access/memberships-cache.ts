import type { AppContext } from '../../server/context.js';
import { defineReadCache, readThrough } from '../../server/read-cache.js';
import { listMyMemberships, type MyMembership } from './access.repository.js';

/**
 * The organisations each person belongs to, with their role and membership id, by user id: read on nearly every
 * signed-in request (every plan and log check asks), written rarely. Forgotten for a person when they join,
 * leave, change role or are suspended by the organisation's directory, and for everyone when an organisation is
 * renamed. Who belongs where is the gate's data, so the cache lives with the gate (the me feature reads it
 * through access's face). Every change to it is told with the commit on every instance, so the time to live is a
 * safety net: a minute, as for sessions.
 */
export const membershipsCache = defineReadCache<string, MyMembership[]>({
  name: 'memberships',
  ttlMs: 60_000,
  maxEntries: 50_000,
  keyOf: (userId) => userId,
  load: (ctx, userId) => listMyMemberships(ctx.db, userId),
  forgets: {
    memberships: (change, cache) => (change.userId ? cache.forget(change.userId) : cache.clear()),
  },
});

/** Every membership of a person, suspended ones too, from the cache. */
export function allMyMemberships(ctx: AppContext, userId: string): Promise<MyMembership[]> {
  return readThrough(ctx, membershipsCache, userId);
}

/** The organisations a person belongs to now (a membership the directory suspended is not one), from the cache. */
export async function myMemberships(ctx: AppContext, userId: string): Promise<MyMembership[]> {
  return (await allMyMemberships(ctx, userId)).filter((m) => m.suspendedAt === null);
}

/** The memberships the organisations' directories suspended: what the person is told about, and how to export. */
export async function mySuspendedMemberships(ctx: AppContext, userId: string): Promise<MyMembership[]> {
  return (await allMyMemberships(ctx, userId)).filter((m) => m.suspendedAt !== null);
}
