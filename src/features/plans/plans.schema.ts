import { z } from 'zod';
import { enlistmentStates, goalStatuses, learningForms, networkKinds } from '../../db/schema/plans.js';
import { oneLineText } from '../../server/schemas.js';

/*
 * The plan's parts as the API and the web app see them. Each part has its fields (what a learner edits),
 * a create body (the fields, all optional), an update body (some fields and the version edited) and a view.
 */

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text.` }).max(max, { error: `Use at most ${max} characters.` });
const longText = (what: string) => text(4000, what);
/** A one-line name (a milestone, a person or resource, the cycle, the plan's title): see oneLineText. */
const line = (max: number, what: string) =>
  oneLineText({ error: `${what} must be text.` }).max(max, { error: `Use at most ${max} characters.` });
const isoDate = z.iso.date({ error: 'Use a date like 2027-03-31.' });
const id = z.string().min(1).max(64);
const ids = (what: string) => z.array(id, { error: `${what} must be a list of ids.` }).max(100);

export const learningFormEnum = z.enum(learningForms, { error: 'Choose a form of learning from the list.' });
export const goalStatusEnum = z.enum(goalStatuses, { error: 'Choose idea, active, achieved, paused or dropped.' });
export const networkKindEnum = z.enum(networkKinds, { error: 'Choose person, community or resource.' });
export const enlistmentEnum = z.enum(enlistmentStates, {
  error: 'Choose to ask, asked, agreed, declined or active.',
});
export const networkRelations = [
  'mentor',
  'coach',
  'peer',
  'expert',
  'supervisor',
  'colleague',
  'community',
  'course',
  'book',
  'feed',
  'podcast',
  'tool',
  'event',
  'website',
  'other',
] as const;
export const networkRelationEnum = z.enum(networkRelations, { error: 'Choose a relation from the list.' });
export const shareHows = [
  'post',
  'talk',
  'wiki',
  'demo',
  'community_session',
  'newsletter',
  'conversation',
  'other',
] as const;
export const shareHowEnum = z.enum(shareHows, { error: 'Choose how you will share from the list.' });
export const cadences = ['once', 'weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export const cadenceEnum = z.enum(cadences, { error: 'Choose once, weekly, fortnightly, monthly or quarterly.' });

export const reflectionFields = z.object({
  what: text(300, 'What'),
  happenedWhen: text(120, 'When'),
  form: learningFormEnum.nullable(),
  people: text(1000, 'Who was involved'),
  enjoyable: longText('What made it enjoyable'),
  learnedAboutMe: longText('What it says about you'),
});

export const milestone = z.object({
  id,
  // May be empty while the learner is still typing it: "Add a milestone" gives an empty one with the focus in it.
  title: line(200, 'A milestone'),
  dueDate: isoDate.nullable(),
  done: z.boolean(),
});

export const goalFields = z.object({
  what: text(300, 'What'),
  why: longText('Why'),
  how: longText('How'),
  evidence: longText('How you will know'),
  startDate: isoDate.nullable(),
  targetDate: isoDate.nullable(),
  links: longText('Links'),
  reflectionIds: ids('Reflections'),
  status: goalStatusEnum,
  progress: z.number({ error: 'Progress is a number.' }).int().min(0).max(100, { error: 'Progress is 0 to 100.' }),
  milestones: z.array(milestone).max(50, { error: 'Keep to 50 milestones.' }),
  topics: z
    .array(text(60, 'A topic').trim().min(1, { error: 'A topic cannot be empty.' }))
    .max(20, { error: 'Keep to 20 topics.' }),
  carriedFromGoalId: id.nullable(),
});

export const networkFields = z.object({
  kind: networkKindEnum,
  name: line(200, 'Name').trim().min(1, { error: 'Give a name.' }),
  relation: networkRelationEnum.nullable(),
  memberId: id.nullable(),
  url: z
    .url({ protocol: /^https?$/, error: 'Use a web address starting with http:// or https://.' })
    .max(2000)
    .nullable(),
  enlistment: enlistmentEnum,
  notes: longText('Notes'),
  goalIds: ids('Goals'),
});

export const shareRecord = z.object({
  id,
  doneOn: isoDate,
  link: z
    .url({ protocol: /^https?$/, error: 'Use a web address starting with http:// or https://.' })
    .max(2000)
    .nullable(),
  note: text(1000, 'Note'),
});

export const shareFields = z.object({
  goalId: id.nullable(),
  how: shareHowEnum,
  detail: text(1000, 'Detail'),
  audience: text(300, 'With whom'),
  cadence: cadenceEnum,
  startsOn: isoDate.nullable(),
  success: longText('What success looks like'),
  records: z.array(shareRecord).max(500),
});

const item = { id: z.string(), version: z.number().int(), updatedAt: z.iso.datetime() };
export const reflectionView = reflectionFields.extend(item).meta({ id: 'Reflection' });
export const goalView = goalFields.extend(item).meta({ id: 'Goal' });
export const networkView = networkFields.extend(item).meta({ id: 'NetworkEntry' });
export const shareView = shareFields.extend(item).meta({ id: 'SharingCommitment' });
export type ReflectionView = z.infer<typeof reflectionView>;
export type GoalView = z.infer<typeof goalView>;
export type NetworkView = z.infer<typeof networkView>;
export type ShareView = z.infer<typeof shareView>;

const version = z.number({ error: 'Send the version you edited.' }).int().min(1).optional();
/** Create: any fields (a new goal may start empty); update: the fields that changed and the version edited. */
export const createReflectionBody = reflectionFields.partial();
export const updateReflectionBody = reflectionFields.partial().extend({ version });
export const createGoalBody = goalFields.omit({ carriedFromGoalId: true }).partial();
export const updateGoalBody = goalFields.omit({ carriedFromGoalId: true }).partial().extend({ version });
export const createNetworkBody = networkFields.partial().required({ kind: true, name: true });
export const updateNetworkBody = networkFields.partial().extend({ version });
export const createShareBody = shareFields.omit({ records: true }).partial().required({ how: true, cadence: true });
/** What creating an item of each part takes, as sent. */
export type CreateItemBodies = {
  reflection: z.input<typeof createReflectionBody>;
  goal: z.input<typeof createGoalBody>;
  network: z.input<typeof createNetworkBody>;
  share: z.input<typeof createShareBody>;
};
export const updateShareBody = shareFields.partial().extend({ version });
export const recordShareBody = z.object({
  doneOn: isoDate.optional(),
  link: shareRecord.shape.link.optional(),
  note: text(1000, 'Note').optional(),
});
export type RecordShareBody = z.input<typeof recordShareBody>;

export const guidePosition = z.object({
  part: z.number().int().min(1).max(4, { error: 'A plan has four parts.' }),
  step: z.number().int().min(0).max(50),
});

export const cycle = line(40, 'The cycle').trim().min(1, { error: 'Name the cycle, e.g. 2027.' });
export const planTitle = line(120, 'The title').trim();

export const planSummary = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    cycle: z.string(),
    title: z.string(),
    goalCount: z.number().int(),
    achievedCount: z.number().int(),
    carriedFromPlanId: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof planSummary>;
export const planList = z.object({ plans: z.array(planSummary) });
export type PlanList = z.infer<typeof planList>;

export const planView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    memberId: z.string(),
    cycle: z.string(),
    title: z.string(),
    templateId: z.string().nullable(),
    carriedFromPlanId: z.string().nullable(),
    guide: guidePosition,
    version: z.number().int(),
    revision: z.number().int(),
    /** When the year-end review was agreed: the cycle is closed (later changes show as made after it). */
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    reflections: z.array(reflectionView),
    goals: z.array(goalView),
    network: z.array(networkView),
    shares: z.array(shareView),
  })
  .meta({ id: 'Plan' });
export type PlanView = z.infer<typeof planView>;

export const createPlanBody = z.object({
  organizationId: id,
  cycle,
  title: planTitle.optional(),
  templateId: id.optional(),
  /** Copy the unfinished goals of this earlier plan (with their network and sharing) into the new one. */
  carryForwardFrom: id.optional(),
});
export type CreatePlanBody = z.input<typeof createPlanBody>;

export const updatePlanBody = z.object({
  cycle: cycle.optional(),
  title: planTitle.optional(),
  guide: guidePosition.optional(),
  version,
});
export type UpdatePlanBody = z.input<typeof updatePlanBody>;

export const listPlansQuery = z.object({ orgId: id });
export const planParams = z.object({ planId: id });
export const planItemParams = z.object({ planId: id, id });

/** One change in a plan's history, without its content. */
export const revisionSummary = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    entityType: z.enum(['plan', 'reflection', 'goal', 'network', 'share']),
    entityId: z.string(),
    action: z.string(),
    label: z.string(),
    changedFields: z.array(z.string()),
    actorName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RevisionSummary' });
export type RevisionSummary = z.infer<typeof revisionSummary>;
export const revisionList = z.object({ revisions: z.array(revisionSummary), nextBefore: z.number().int().optional() });
export type RevisionList = z.infer<typeof revisionList>;

const revisionContent = z.record(z.string(), z.unknown()).nullable();
/** One change with the item's content before and after it. */
export const revisionView = revisionSummary
  .extend({ before: revisionContent, after: revisionContent })
  .meta({ id: 'Revision' });
export type RevisionView = z.infer<typeof revisionView>;

export const restoreBody = z
  .object({
    scope: z.enum(['plan', 'item'], { error: 'Choose plan or item.' }).default('plan'),
    /** As it was right after the revision, or right before it (undoing it and everything after). */
    point: z.enum(['after', 'before'], { error: 'Choose after or before.' }).default('after'),
  })
  .default({ scope: 'plan', point: 'after' });
export type RestoreBody = z.input<typeof restoreBody>;
