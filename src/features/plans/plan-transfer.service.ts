import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { fileNameSlug } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireUser } from '../access/index.js';
import { planToMarkdown } from './export/plan-markdown.js';
import { planToPdf } from './export/plan-pdf.js';
import { type PlanDocument, planContent, toDocument, unfinishedContent } from './plan-content.js';
import { goalIdsOfUser } from './plans.repository.js';
import type { PlanView } from './plans.schema.js';
import { createPlan, type PlanSource, readPlan } from './plans.service.js';

/**
 * Reads an organisation's template for starting a plan (checking the actor may use it). Templates are made
 * from plans' content, so they sit above plans and hand this in (`startPlansFromTemplates`, wired in buildApp)
 * rather than plans calling them.
 */
export type TemplateForPlanReader = (
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  templateId: string,
) => Promise<{ id: string; content: unknown }>;
let readTemplateForPlan: TemplateForPlanReader = async () => {
  throw new Error('No template reader: buildApp wires one with startPlansFromTemplates.');
};

/** Lets plans start from templates, read by `read`. */
export function startPlansFromTemplates(read: TemplateForPlanReader): void {
  readTemplateForPlan = read;
}

/**
 * Starts a plan, from a template of the organisation or carrying forward the unfinished goals of one of the
 * learner's earlier plans (linked to where they came from).
 */
export async function createPlanFrom(
  ctx: AppContext,
  actor: Actor,
  input: { organizationId: string; cycle: string; title?: string; templateId?: string; carryForwardFrom?: string },
): Promise<PlanView> {
  if (input.templateId && input.carryForwardFrom) {
    throw validationError({ templateId: 'Start from a template or carry goals forward, not both.' });
  }
  let source: PlanSource | undefined;
  if (input.templateId) {
    const template = await readTemplateForPlan(ctx, actor, input.organizationId, input.templateId);
    source = { content: planContent.parse(template.content), action: 'create', templateId: template.id };
  }
  if (input.carryForwardFrom) {
    const earlier = await readPlan(ctx, actor, input.carryForwardFrom).catch(() => {
      throw validationError({ carryForwardFrom: 'Choose one of your own plans.' });
    });
    if (earlier.view.organizationId !== input.organizationId) {
      throw validationError({ carryForwardFrom: 'Choose one of your plans in this organisation.' });
    }
    source = { content: unfinishedContent(earlier.view), action: 'create', carriedFromPlanId: earlier.view.id };
  }
  return createPlan(ctx, actor, input, source);
}

/**
 * Creates a plan from a JSON export (this Waymark's or another's): same content, new ids. A goal keeps where
 * it was carried from only when that is a goal of the importer's own plans: a file may name anyone's goal.
 */
export async function importPlan(ctx: AppContext, actor: Actor, organizationId: string, document: PlanDocument) {
  const { userId } = requireUser(actor);
  const { format: _f, formatVersion: _v, exportedAt: _e, plan, ...content } = document;
  const named = content.goals.flatMap((g) => g.carriedFromGoalId ?? []);
  const own = await goalIdsOfUser(ctx.db, userId, named);
  const goals = content.goals.map((g) => ({
    ...g,
    carriedFromGoalId: g.carriedFromGoalId && own.has(g.carriedFromGoalId) ? g.carriedFromGoalId : null,
  }));
  return createPlan(ctx, actor, { organizationId, ...plan }, { content: { ...content, goals }, action: 'import' });
}

/** The plan as a file to download. */
export async function exportPlan(ctx: AppContext, actor: Actor, planId: string, format: 'json' | 'md' | 'pdf') {
  const { view } = await readPlan(ctx, actor, planId, 'plan:export');
  const owner = { name: actor.kind === 'user' ? actor.name : '' };
  const base = `waymark-plan-${fileNameSlug(view.cycle, 'plan')}`;
  if (format === 'md') {
    return { contentType: 'text/markdown; charset=utf-8', filename: `${base}.md`, body: planToMarkdown(view, owner) };
  }
  if (format === 'pdf') {
    return { contentType: 'application/pdf', filename: `${base}.pdf`, body: await planToPdf(view, owner) };
  }
  return {
    contentType: 'application/json; charset=utf-8',
    filename: `${base}.json`,
    body: `${JSON.stringify(toDocument(view), null, 2)}\n`,
  };
}
