import { desc } from 'drizzle-orm';
import { outboxMessage } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { requireUser } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { listMyMemberships } from '../me/me.repository.js';

/**
 * The development outbox: every message this install would have sent. It exists only while no SMTP
 * server is configured, and only organisation owners (who run the install) may read it.
 */
export async function listOutbox(ctx: AppContext, actor: Actor) {
  const user = requireUser(actor);
  if (ctx.mailer.mode !== 'outbox') throw notFound('Outbox');
  const memberships = await listMyMemberships(ctx.db, user.userId);
  if (!memberships.some((m) => m.role === 'owner')) throw forbidden('Only organisation owners can read the outbox.');
  const rows = await ctx.db.select().from(outboxMessage).orderBy(desc(outboxMessage.createdAt)).limit(200);
  return {
    messages: rows.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
