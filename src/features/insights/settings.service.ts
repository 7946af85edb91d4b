import { eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { insightSettings } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { conflict, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { lockSettings, refreshFacts } from './facts.js';
import type { settingsBody } from './insights.schema.js';

type SettingsRow = typeof insightSettings.$inferSelect;
const viewOf = (s: SettingsRow) => ({ k: s.k, refreshedAt: s.refreshedAt?.toISOString() ?? null, version: s.version });

/** The settings as shown, defaults before insights were first opened (the caller has checked access). */
async function settingsOf(ctx: AppContext, orgId: string) {
  const [row] = await ctx.db.select().from(insightSettings).where(eq(insightSettings.organizationId, orgId));
  return row ? viewOf(row) : { k: 5, refreshedAt: null, version: 0 };
}

export async function getInsightSettings(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'insights:read', { org: orgId });
  return settingsOf(ctx, orgId);
}

/**
 * Raises k. It never goes down: figures once hidden as "fewer than k" must not appear later from the same
 * learners (a lower k would show groups a higher one hid, and comparing the two is differencing).
 */
export async function updateInsightSettings(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof settingsBody>,
) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  const saved = await ctx.db.transaction(async (tx) => {
    const current = await lockSettings(tx, orgId);
    if (input.version !== undefined && input.version !== current.version) {
      throw conflict('Someone else changed the settings meanwhile.', undefined, { current: viewOf(current) });
    }
    if (input.k < current.k) throw validationError({ k: `k only goes up: it is ${current.k} now.` });
    const [row] = await tx
      .update(insightSettings)
      .set({ k: input.k, version: current.version + 1, updatedAt: new Date() })
      .where(eq(insightSettings.organizationId, orgId))
      .returning();
    if (input.k > current.k) {
      await recordAudit(tx, auditActorOf(actor), {
        orgId,
        action: 'insights.k_raised',
        details: { from: current.k, to: input.k },
      });
    }
    return row as SettingsRow;
  });
  return viewOf(saved);
}

/** The queue of one organisation's count on request (see insights.jobs.ts). */
export const RECOUNT_QUEUE = 'insights-recount';

/**
 * Counts everything again (an admin who just changed plans in bulk, or wants this hour's figures). With the
 * job queue running (the app as started), the count is queued and the answer says so at once: a large
 * organisation's takes long (40 s at 100,000 learners), longer than a request should wait or a proxy allows.
 * Without it (tests, scripts), it is counted before answering.
 */
export async function refreshInsights(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'insights:manage', { org: orgId });
  if (ctx.jobs) {
    // One waiting and one running per organisation: asking again while it counts queues one more count
    // (which sees what changed meanwhile); asking ten times queues no more than that.
    await ctx.jobs.send(RECOUNT_QUEUE, { orgId }, { singletonKey: orgId });
    return { ...(await settingsOf(ctx, orgId)), counting: true };
  }
  await refreshFacts(ctx.db, orgId);
  return { ...(await settingsOf(ctx, orgId)), counting: false };
}

/** The hourly refresh: every organisation whose insights were ever opened. */
export async function refreshAllInsights(ctx: AppContext, now: Date) {
  const orgs = await ctx.db
    .select({ id: insightSettings.organizationId })
    .from(insightSettings)
    .where(isNotNull(insightSettings.refreshedAt));
  for (const { id } of orgs) await refreshFacts(ctx.db, id, now);
}
