import { z } from 'zod';
import { insightActionKinds } from '../../db/schema/insights.js';
import { goalStatuses, learningForms } from '../../db/schema/plans.js';
import { oneLineText } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import { formGroups } from './forms.js';

export { orgParams };

export const consentParams = orgParams.extend({ memberId: z.string().min(1).max(64) });

export const consentView = z
  .object({ consent: z.boolean(), decidedAt: z.iso.datetime().nullable() })
  .meta({ id: 'InsightsConsent' });
export type ConsentView = z.infer<typeof consentView>;
export const consentBody = z.object({ consent: z.boolean({ error: 'Say yes or no.' }) });
export type ConsentBody = z.input<typeof consentBody>;

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Give a month as YYYY-MM, e.g. 2026-03.' })
  .optional();
const groupName = z.string().trim().min(1).max(120).optional();

/** Which learners and months a dashboard covers. */
export const dashboardQuery = z.object({
  from: month,
  to: month,
  department: groupName,
  team: groupName,
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** A number of learners, or null where it would come from fewer than k of them. */
const learners = z.number().int().nullable();

export const dashboardView = z
  .object({
    k: z.number().int(),
    refreshedAt: z.iso.datetime(),
    period: z.object({ from: z.string(), to: z.string() }),
    filter: z.object({ department: z.string().nullable(), team: z.string().nullable() }),
    /** Opted-in learners behind these figures, and members of the organisation in all. */
    population: z.number().int(),
    members: z.number().int(),
    /** The departments that may be chosen, each with the teams that may be chosen within it. */
    options: z.object({ departments: z.array(z.object({ name: z.string(), teams: z.array(z.string()) })) }),
    topics: z.object({
      rows: z.array(z.object({ key: z.string(), label: z.string(), listed: z.boolean(), learners: z.number().int() })),
      fewer: z.number().int(),
    }),
    forms: z.object({
      rows: z.array(z.object({ form: z.enum(learningForms), group: z.enum(formGroups), learners })),
      groups: z.array(z.object({ group: z.enum(formGroups), learners })),
    }),
    statusOverTime: z.object({
      months: z.array(z.string()),
      rows: z.array(z.object({ status: z.enum(goalStatuses), counts: z.array(learners) })),
    }),
    mentorDemand: z.object({
      rows: z.array(
        z.object({ key: z.string(), label: z.string(), learners: z.number().int(), mentors: z.number().int() }),
      ),
      fewer: z.number().int(),
    }),
    resources: z.object({
      rows: z.array(z.object({ key: z.string(), learners: z.number().int() })),
      fewer: z.number().int(),
    }),
    participation: z.object({
      logged: learners,
      committedToShare: learners,
      shared: learners,
      checkedIn: learners,
    }),
  })
  .meta({ id: 'InsightsDashboard' });
export type DashboardView = z.infer<typeof dashboardView>;

export const figureNames = ['topics', 'forms', 'status', 'mentors', 'resources', 'participation'] as const;
export type FigureName = (typeof figureNames)[number];
export const csvQuery = dashboardQuery.extend({
  figure: z.enum(figureNames, { error: `Choose one of: ${figureNames.join(', ')}.` }),
});

export const settingsView = z
  .object({ k: z.number().int(), refreshedAt: z.iso.datetime().nullable(), version: z.number().int() })
  .meta({ id: 'InsightSettings' });
export type InsightSettings = z.infer<typeof settingsView>;
/** "Count again now": the settings, and whether the count is still going on (queued) or done. */
export const recountView = settingsView
  .extend({ counting: z.boolean() })
  .meta({ id: 'InsightRecount', description: 'counting: queued, the figures change when it is done; else done.' });
export type InsightRecount = z.infer<typeof recountView>;
export const settingsBody = z.object({
  k: z
    .number({ error: 'Give a whole number of learners.' })
    .int({ error: 'Give a whole number of learners.' })
    .min(5, { error: 'k is at least 5.' })
    .max(1000, { error: 'k is at most 1000.' }),
  version: z.number().int().min(1).optional(),
});
export type SettingsBody = z.input<typeof settingsBody>;

const topicName = z
  .string({ error: 'Name the topic.' })
  .trim()
  .min(2, { error: 'A topic has at least 2 characters.' })
  .max(60, { error: 'A topic has at most 60 characters.' });

export const topicView = z
  .object({ id: z.string(), name: z.string(), synonyms: z.array(z.string()), version: z.number().int() })
  .meta({ id: 'OrgTopic' });
export type OrgTopic = z.infer<typeof topicView>;
export const topicList = z.object({ topics: z.array(topicView) }).meta({ id: 'OrgTopicList' });
export type TopicList = z.infer<typeof topicList>;
export const topicBody = z.object({
  name: topicName,
  synonyms: z.array(topicName).max(30, { error: 'List at most 30 other names.' }).default([]),
  version: z.number().int().min(1).optional(),
});
export type TopicBody = z.input<typeof topicBody>;
export const topicParams = orgParams.extend({ topicId: z.string().min(1).max(64) });

export const suggestionList = z
  .object({
    suggestions: z.array(
      z.object({
        phrase: z.string(),
        target: z.string(),
        targetListed: z.boolean(),
        learners: z.number().int(),
        similarity: z.number(),
      }),
    ),
  })
  .meta({ id: 'TopicMergeSuggestions' });
export type SuggestionList = z.infer<typeof suggestionList>;
export const suggestionBody = z.object({
  phrase: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(200),
});
export type SuggestionBody = z.input<typeof suggestionBody>;

const actionBase = { topic: z.string().trim().min(1, { error: 'Choose a topic.' }).max(200) };
/** What the people told read with it (optional). */
const actionMessage = {
  message: z.string().trim().max(2000, { error: 'Say it in at most 2000 characters.' }).default(''),
};
export const createActionBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('mentor_call'),
      ...actionBase,
      ...actionMessage,
    }),
    z.object({
      kind: z.literal('community'),
      ...actionBase,
      name: oneLineText({ error: 'Name the community.' })
        .trim()
        .min(2, { error: 'A name has at least 2 characters.' })
        .max(80, { error: 'A name has at most 80 characters.' }),
      ...actionMessage,
    }),
    z.object({
      kind: z.literal('resource'),
      ...actionBase,
      title: oneLineText({ error: 'Name the resource.' })
        .trim()
        .min(2, { error: 'A title has at least 2 characters.' })
        .max(200, { error: 'A title has at most 200 characters.' }),
      url: z.url({ protocol: /^https?$/, error: 'Give a web address starting with http:// or https://.' }).max(2000),
      ...actionMessage,
    }),
  ],
  { error: 'Choose a mentor call, a community or a resource.' },
);
export type CreateActionBody = z.input<typeof createActionBody>;

export const actionView = z
  .object({
    id: z.string(),
    kind: z.enum(insightActionKinds),
    topic: z.string(),
    title: z.string(),
    message: z.string(),
    url: z.string().nullable(),
    communityId: z.string().nullable(),
    recipients: z.number().int(),
    /** Who took it up: volunteers, people who joined the community, learners who added the resource. */
    uptake: z.number().int().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InsightAction' });
export type InsightAction = z.infer<typeof actionView>;
export const actionList = z.object({ actions: z.array(actionView) }).meta({ id: 'InsightActionList' });
export type ActionList = z.infer<typeof actionList>;
export const actionParams = z.object({ actionId: z.string().min(1).max(64) });

/** What a person who was told about an action sees of it. */
export const actionInvite = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    kind: z.enum(insightActionKinds),
    topic: z.string(),
    title: z.string(),
    message: z.string(),
    url: z.string().nullable(),
    communityId: z.string().nullable(),
    responded: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InsightActionInvite' });
export type ActionInvite = z.infer<typeof actionInvite>;
