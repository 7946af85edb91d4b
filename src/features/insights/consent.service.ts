import { and, eq } from 'drizzle-orm';
import { membership } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { lockSettings, syncLearnerFacts } from './facts.js';

/** Whether a learner's plan and log count in insights: theirs alone to read and to change. */
export async function getInsightsConsent(ctx: AppContext, actor: Actor, orgId: string, memberId: string) {
  const { target } = await requireAccess(ctx, actor, 'insights:consent', { org: orgId, member: memberId });
  return { consent: target?.insightsConsent ?? false, decidedAt: target?.insightsConsentAt?.toISOString() ?? null };
}

/**
 * Says yes or no to insights. Saying no removes the learner's facts in the same transaction, so the next
 * figures do not count them; saying yes builds their facts at once. The organisation's settings row is locked
 * first, so a refresh running meanwhile cannot bring back the facts of someone who just left.
 */
export async function setInsightsConsent(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  memberId: string,
  consent: boolean,
) {
  await requireAccess(ctx, actor, 'insights:consent', { org: orgId, member: memberId });
  await ctx.db.transaction(async (tx) => {
    const settings = await lockSettings(tx, orgId);
    await tx
      .update(membership)
      .set({ insightsConsent: consent, insightsConsentAt: new Date() })
      .where(and(eq(membership.id, memberId), eq(membership.organizationId, orgId)));
    await syncLearnerFacts(tx, orgId, memberId, settings.anchorMonth);
  });
  return getInsightsConsent(ctx, actor, orgId, memberId);
}
