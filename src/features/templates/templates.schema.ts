import { z } from 'zod';
import { oneLineText } from '../../server/schemas.js';
import { planContent } from '../plans/index.js';

const name = oneLineText({ error: 'Name the template.' })
  .trim()
  .min(2, { error: 'Use at least 2 characters.' })
  .max(120, { error: 'Use at most 120 characters.' });
const description = z.string().trim().max(2000, { error: 'Keep the description to 2,000 characters.' });

export const templateSummary = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    description: z.string(),
    published: z.boolean(),
    goalCount: z.number().int(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TemplateSummary' });
export type TemplateSummary = z.infer<typeof templateSummary>;
export const templateList = z.object({ templates: z.array(templateSummary) });
export type TemplateList = z.infer<typeof templateList>;

export const templateView = templateSummary.extend({ content: planContent }).meta({ id: 'Template' });
export type TemplateView = z.infer<typeof templateView>;

export const createTemplateBody = z.object({
  organizationId: z.string().min(1).max(64),
  name,
  description: description.optional(),
  published: z.boolean().optional(),
  /** The content itself, or... */
  content: planContent.optional(),
  /** ...one of your own plans to copy it from (without progress or share records). */
  fromPlanId: z.string().min(1).max(64).optional(),
});
export type CreateTemplateBody = z.input<typeof createTemplateBody>;

export const updateTemplateBody = z.object({
  name: name.optional(),
  description: description.optional(),
  published: z.boolean().optional(),
  content: planContent.optional(),
  version: z.number({ error: 'Send the version you edited.' }).int().min(1),
});
export type UpdateTemplateBody = z.input<typeof updateTemplateBody>;

export const templateParams = z.object({ templateId: z.string().min(1).max(64) });
export const listTemplatesQuery = z.object({ orgId: z.string().min(1).max(64) });
