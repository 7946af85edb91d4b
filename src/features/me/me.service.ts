import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { myMemberships, mySuspendedMemberships, requireUser } from '../access/index.js';
import { listPlansWhileSuspended } from '../plans/index.js';
import { renameUser } from './me.repository.js';
import type { MeView } from './me.schema.js';

/** The signed-in person and the organisations they belong to: what the web app needs to start. */
export async function getMe(ctx: AppContext, actor: Actor): Promise<MeView> {
  const user = requireUser(actor);
  const [memberships, suspendedOnes] = await Promise.all([
    myMemberships(ctx, user.userId),
    mySuspendedMemberships(ctx, user.userId),
  ]);
  const suspended = await Promise.all(
    suspendedOnes.map(async (m) => ({
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      suspendedAt: (m.suspendedAt as Date).toISOString(),
      suspendedBy: m.suspendedBy ?? "the organisation's directory",
      plans: await listPlansWhileSuspended(ctx, actor, m.memberId),
    })),
  );
  return {
    user: { id: user.userId, name: user.name, email: user.email },
    memberships,
    suspended,
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
