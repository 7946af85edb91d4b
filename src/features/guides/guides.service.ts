import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { guide } from '../../db/schema/index.js';
import { retryIfRaced } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { defaultGoalExamples, type GoalExamples } from '../plans/index.js';
import { defaultGuide } from './default-guide.js';
import type { GuideView, updateGuideBody } from './guides.schema.js';

async function loadGuide(ctx: AppContext, orgId: string): Promise<GuideView> {
  const [row] = await ctx.db.select().from(guide).where(eq(guide.organizationId, orgId));
  return viewOf(orgId, row);
}

type StoredPart = (typeof guide.$inferSelect)['parts'][number];

/*
 * The SMART check's examples belong to the goals part of the guide, and are kept in its stored entry
 * (`parts[1].examples`) so that adapting them needs no column of its own. The API shows them apart.
 */
const examplesOf = (parts: StoredPart[]): GoalExamples => parts[1]?.examples ?? defaultGoalExamples;

function viewOf(orgId: string, row: typeof guide.$inferSelect | undefined): GuideView {
  if (!row) {
    return {
      organizationId: orgId,
      adapted: false,
      version: 0,
      parts: defaultGuide.map((p) => ({ ...p, prompts: [...p.prompts] })),
      goalExamples: defaultGoalExamples,
    };
  }
  const parts = row.parts.map(({ examples: _examples, ...part }) => part);
  return { organizationId: orgId, adapted: true, version: row.version, parts, goalExamples: examplesOf(row.parts) };
}

/** The guide the organisation's learners follow: the built-in one unless L&D adapted it. */
export async function getGuide(ctx: AppContext, actor: Actor, orgId: string): Promise<GuideView> {
  await requireAccess(ctx, actor, 'guide:read', { org: orgId });
  return loadGuide(ctx, orgId);
}

/**
 * L&D admins adapt the prompts (all four parts at once). Version 0 means "the built-in guide"; a stale
 * version gets 409 with the current guide.
 */
export async function updateGuide(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof updateGuideBody>,
): Promise<GuideView> {
  const { user } = await requireAccess(ctx, actor, 'guide:update', { org: orgId });
  // Two first saves at once both find no row; the loser runs again and meets the winner's version (409).
  await retryIfRaced(() =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(guide).where(eq(guide.organizationId, orgId)).for('update');
      const current = row?.version ?? 0;
      if (input.version !== current) {
        throw conflict('Someone else changed the guide meanwhile. Review their change and try again.', undefined, {
          // Built from the locked row: on PGlite a second query outside this transaction would wait for it.
          current: viewOf(orgId, row),
        });
      }
      const examples = input.goalExamples ?? (row ? examplesOf(row.parts) : undefined);
      const parts = input.parts.map((p) => (p.part === 2 && examples ? { ...p, examples } : p));
      const values = { parts, version: current + 1, updatedBy: user.userId, updatedAt: new Date() };
      if (row) await tx.update(guide).set(values).where(eq(guide.organizationId, orgId));
      else await tx.insert(guide).values({ organizationId: orgId, ...values });
    }),
  );
  return loadGuide(ctx, orgId);
}

/** Goes back to the built-in guide. */
export async function resetGuide(ctx: AppContext, actor: Actor, orgId: string): Promise<GuideView> {
  await requireAccess(ctx, actor, 'guide:update', { org: orgId });
  await ctx.db.delete(guide).where(eq(guide.organizationId, orgId));
  return loadGuide(ctx, orgId);
}
