import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { myMemberships, requireUser } from '../access/index.js';
import { renameUser } from './me.repository.js';
import type { MeView } from './me.schema.js';

/** The signed-in person and the organisations they belong to: what the web app needs to start. */
export async function getMe(ctx: AppContext, actor: Actor): Promise<MeView> {
  const user = requireUser(actor);
  const memberships = await myMemberships(ctx, user.userId);
  return {
    user: { id: user.userId, name: user.name, email: user.email },
    memberships,
    outbox: ctx.mailer.mode === 'outbox',
  };
}

export async function updateMe(ctx: AppContext, actor: Actor, input: { name: string }): Promise<MeView> {
  const user = requireUser(actor);
  await renameUser(ctx.db, user.userId, input.name);
  // Sessions remember the name: the next request, on any instance, should already see the new one.
  await ctx.changes.announce({ kind: 'sessions', userId: user.userId });
  return getMe(ctx, { ...user, name: input.name });
}
