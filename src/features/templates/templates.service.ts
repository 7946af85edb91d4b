import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { planTemplate } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess, seesDraftTemplates } from '../access/index.js';
import { contentOf, type PlanContent, readPlan } from '../plans/index.js';
import type { createTemplateBody, TemplateView, updateTemplateBody } from './templates.schema.js';

type TemplateRow = typeof planTemplate.$inferSelect;

function viewOf(row: TemplateRow): TemplateView {
  const content = row.content as PlanContent;
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    description: row.description,
    published: row.published,
    goalCount: content.goals.length,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    content,
  };
}

async function findTemplate(ctx: AppContext, orgId: string | undefined, templateId: string) {
  const [row] = await ctx.db
    .select()
    .from(planTemplate)
    .where(and(eq(planTemplate.id, templateId), orgId ? eq(planTemplate.organizationId, orgId) : undefined));
  return row;
}

/** Templates of an organisation: published ones for learners, drafts too for L&D admins. */
export async function listTemplates(ctx: AppContext, actor: Actor, orgId: string) {
  const { me } = await requireAccess(ctx, actor, 'template:use', { org: orgId });
  const rows = await ctx.db
    .select()
    .from(planTemplate)
    .where(
      and(
        eq(planTemplate.organizationId, orgId),
        seesDraftTemplates(me) ? undefined : eq(planTemplate.published, true),
      ),
    )
    .orderBy(asc(planTemplate.name));
  return rows.map((r) => {
    const { content: _c, ...summary } = viewOf(r);
    return summary;
  });
}

/** One template, as a learner may start a plan from it (drafts only for admins); 404 otherwise. */
export async function readTemplateForPlan(ctx: AppContext, actor: Actor, orgId: string, templateId: string) {
  const { template } = await requireAccess(ctx, actor, 'template:use', {
    org: orgId,
    template: await findTemplate(ctx, orgId, templateId),
  });
  return viewOf(template);
}

export async function getTemplate(ctx: AppContext, actor: Actor, templateId: string) {
  // An unknown id checks against no organisation: 401 for anonymous, 404 for everyone else.
  const row = await findTemplate(ctx, undefined, templateId);
  return readTemplateForPlan(ctx, actor, row?.organizationId ?? '', templateId);
}

/** A plan's content without anything personal to one cycle: progress, statuses and share records. */
function asTemplateContent(content: PlanContent): PlanContent {
  return {
    ...content,
    goals: content.goals.map((g) => ({ ...g, status: 'idea', progress: 0, carriedFromGoalId: null })),
    network: content.network.map((n) => ({ ...n, enlistment: 'to_ask', memberId: null })),
    shares: content.shares.map((s) => ({ ...s, records: [] })),
  };
}

/** L&D admins publish starting points for plans: written directly or copied from one of their own plans. */
export async function createTemplate(ctx: AppContext, actor: Actor, input: z.infer<typeof createTemplateBody>) {
  await requireAccess(ctx, actor, 'template:manage', { org: input.organizationId });
  if (!input.content && !input.fromPlanId) {
    throw validationError({ content: 'Give the content, or a plan to copy it from.' });
  }
  let content = input.content;
  if (input.fromPlanId) {
    const source = await readPlan(ctx, actor, input.fromPlanId).catch(() => {
      throw validationError({ fromPlanId: 'Choose one of your own plans.' });
    });
    content = asTemplateContent(contentOf(source.view));
  }
  const [row] = await ctx.db
    .insert(planTemplate)
    .values({
      id: randomUUID(),
      organizationId: input.organizationId,
      name: input.name,
      description: input.description ?? '',
      published: input.published ?? false,
      content: content as PlanContent,
    })
    .returning();
  return viewOf(row as TemplateRow);
}

export async function updateTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  input: z.infer<typeof updateTemplateBody>,
) {
  const row = await findTemplate(ctx, undefined, templateId);
  await requireAccess(ctx, actor, 'template:manage', { org: row?.organizationId ?? '' });
  if (!row) throw notFound('Template');
  const { version, ...changes } = input;
  const [updated] = await ctx.db
    .update(planTemplate)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(planTemplate.id, templateId), eq(planTemplate.version, version)))
    .returning();
  if (!updated) {
    throw conflict('Someone else changed this template meanwhile.', undefined, { current: viewOf(row) });
  }
  return viewOf(updated);
}

export async function deleteTemplate(ctx: AppContext, actor: Actor, templateId: string) {
  const row = await findTemplate(ctx, undefined, templateId);
  await requireAccess(ctx, actor, 'template:manage', { org: row?.organizationId ?? '' });
  if (!row) throw notFound('Template');
  await ctx.db.delete(planTemplate).where(eq(planTemplate.id, templateId));
}
