import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { invitation, membership, outboxMessage, user } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { requireUser } from '../access/access.js';
import type { Actor } from '../access/actor.js';

/**
 * The development outbox: messages this install kept instead of sending, because no SMTP server is
 * configured. Each person reads what was addressed to them; an owner also reads what went to the
 * members and invitees of organisations they own (so a member who forgot their password can be
 * helped). Nobody reads another organisation's mail.
 */
export async function listOutbox(ctx: AppContext, actor: Actor) {
  const me = requireUser(actor);
  if (ctx.mailer.mode !== 'outbox') throw notFound('Outbox');
  const ownedOrgs = ctx.db
    .select({ id: membership.organizationId })
    .from(membership)
    .where(and(eq(membership.userId, me.userId), eq(membership.role, 'owner')));
  const memberAddresses = ctx.db
    .select({ email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(inArray(membership.organizationId, ownedOrgs));
  const inviteeAddresses = ctx.db
    .select({ email: invitation.email })
    .from(invitation)
    .where(and(inArray(invitation.organizationId, ownedOrgs), isNull(invitation.revokedAt)));
  const rows = await ctx.db
    .select()
    .from(outboxMessage)
    .where(
      or(
        eq(outboxMessage.to, me.email.toLowerCase()),
        inArray(outboxMessage.to, memberAddresses),
        inArray(outboxMessage.to, inviteeAddresses),
      ),
    )
    .orderBy(desc(outboxMessage.createdAt))
    .limit(200);
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
