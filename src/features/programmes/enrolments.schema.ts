import { z } from 'zod';
import { idParam, oneLineText } from '../../server/schemas.js';
import { postView } from '../posts/index.js';

/*
 * Taking part in a programme, as learners see it: the catalogue, a programme's overview, enrolling, "this week",
 * a thing, progress on it and the reflections a cohort shares.
 */

export { ORGANISERS_SEE } from './organisers-see.js';

export const PREVIEW_BANNER = 'Preview: learners see this once it is published';

export const orgParams = z.object({ orgId: idParam });
export const programmeParams = z.object({ programmeId: idParam });
export const enrolmentParams = z.object({ enrolmentId: idParam });
export const enrolmentThingParams = z.object({ enrolmentId: idParam, thingId: idParam });
export const cohortParams = z.object({ cohortId: idParam });
export const cohortThingParams = z.object({ cohortId: idParam, thingId: idParam });

const isoDate = z.string();

export const enrolmentSummary = z.object({
  id: z.string(),
  programmeId: z.string(),
  cohortId: z.string().nullable(),
  status: z.enum(['active', 'completed', 'left']),
  startedOn: isoDate,
  completedAt: z.string().nullable(),
  planId: z.string().nullable(),
  goalId: z.string().nullable(),
});
export type EnrolmentSummary = z.infer<typeof enrolmentSummary>;

export const cohortOffer = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: isoDate,
  joinBy: isoDate.nullable(),
  /** Places left (null: no limit). */
  placesLeft: z.number().int().nullable(),
});
export type CohortOffer = z.infer<typeof cohortOffer>;

export const catalogueEntry = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  audience: z.string(),
  coverUrl: z.string().nullable(),
  weeks: z.number().int(),
  things: z.number().int(),
  totalMinutes: z.number().int(),
  selfPaced: z.boolean(),
  cohorts: z.array(cohortOffer),
  enrolment: enrolmentSummary.nullable(),
});
export const catalogue = z.object({ programmes: z.array(catalogueEntry) });
export type CatalogueEntry = z.infer<typeof catalogueEntry>;

const outlineThing = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  minutes: z.number().int(),
  required: z.boolean(),
});
const outlineWeek = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  catchUp: z.boolean(),
  /** For a preview or before enrolling: the date it would be released if the viewer enrolled alone today. */
  releasedOn: isoDate.nullable(),
  things: z.array(outlineThing),
});

export const programmeOverview = z.object({
  id: z.string(),
  organizationId: z.string(),
  title: z.string(),
  summary: z.string(),
  audience: z.string(),
  coverUrl: z.string().nullable(),
  status: z.enum(['draft', 'published', 'archived']),
  selfPaced: z.enum(['off', 'weekly', 'all_at_once']),
  offersGoal: z.boolean(),
  minOptional: z.number().int(),
  weeks: z.array(outlineWeek),
  cohorts: z.array(cohortOffer),
  enrolment: enrolmentSummary.nullable(),
  organisersSee: z.string(),
  /** For an organiser looking at a draft: the banner to show. */
  preview: z.string().nullable(),
});
export type ProgrammeOverview = z.infer<typeof programmeOverview>;

export const enrolBody = z.object({
  cohortId: idParam.optional(),
  addGoal: z.boolean({ error: 'Say whether to add the programme to your plan.' }),
});
export type EnrolInput = z.infer<typeof enrolBody>;

const reflectionRef = z.object({
  postId: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  /** Where to read it: the post's page in the app, or the blog post. */
  link: z.string(),
  at: z.string(),
});

export const thingProgress = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  minutes: z.number().int(),
  required: z.boolean(),
  weekId: z.string(),
  releasedOn: isoDate,
  released: z.boolean(),
  triedAt: z.string().nullable(),
  reflection: reflectionRef.nullable(),
  done: z.boolean(),
});

const thingPointer = z.object({ thingId: z.string(), number: z.number().int(), title: z.string() });

export const enrolmentView = z.object({
  enrolment: enrolmentSummary,
  programme: z.object({ id: z.string(), organizationId: z.string(), title: z.string(), minOptional: z.number() }),
  cohort: z.object({ id: z.string(), name: z.string(), startsOn: isoDate }).nullable(),
  today: isoDate,
  weeks: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      catchUp: z.boolean(),
      releasedOn: isoDate,
      released: z.boolean(),
    }),
  ),
  things: z.array(thingProgress),
  doneCount: z.number().int(),
  totalCount: z.number().int(),
  releasedCount: z.number().int(),
  /** The next thing to be released and when ("Thing 5 on Monday 8 March"), or null when all are out. */
  next: thingPointer.extend({ releasedOn: isoDate, label: z.string() }).nullable(),
  /** The oldest released required thing not done: where "Catch up" takes them. */
  catchUp: thingPointer.nullable(),
  daysBehind: z.number().int(),
  /** Whether they are behind by the programme's `behindAfterDays` or more. */
  behind: z.boolean(),
  inCatchUpWeek: z.boolean(),
  inLastWeek: z.boolean(),
  completed: z.boolean(),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

export const thingView = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  /** The body rendered from Markdown and sanitised: safe to insert as HTML. */
  html: z.string(),
  task: z.string(),
  prompt: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  minutes: z.number().int(),
  required: z.boolean(),
  minWords: z.number().int(),
  releasedOn: isoDate,
  triedAt: z.string().nullable(),
  reflection: reflectionRef.nullable(),
  done: z.boolean(),
  /** Whether the participant can share with a cohort (they take part in one). */
  canShareWithCohort: z.boolean(),
});
export type ThingView = z.infer<typeof thingView>;

export const triedBody = z.object({ tried: z.boolean({ error: 'Say whether you tried it.' }) });

export const reflectionBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('post'),
      title: oneLineText().trim().max(200, { error: 'Keep the title under 200 characters.' }).default(''),
      body: z
        .string({ error: 'Write your reflection.' })
        .trim()
        .min(1, { error: 'Write your reflection.' })
        .max(20_000, { error: 'Keep a reflection under 20,000 characters.' }),
      visibility: z.enum(['private', 'cohort', 'organization', 'people'], {
        error: 'Choose who sees it: only you, your cohort, everyone or chosen people.',
      }),
      audience: z.array(idParam).max(50, { error: 'Choose at most 50 people.' }).optional(),
    }),
    z.object({
      kind: z.literal('link'),
      url: z
        .url({ protocol: /^https?$/, error: 'Use a web address starting with http:// or https://.' })
        .max(2000, { error: 'Keep the address under 2,000 characters.' }),
      title: oneLineText().trim().max(200, { error: 'Keep the title under 200 characters.' }).optional(),
    }),
  ],
  { error: 'Reflect with a post or a link.' },
);
export type ReflectionBody = z.infer<typeof reflectionBody>;

export const cohortReflections = z.object({
  thing: z.object({ id: z.string(), number: z.number().int(), title: z.string() }),
  posts: z.array(postView),
  /** Reflections on participants' own blogs (links), shared by being listed here. */
  links: z.array(z.object({ name: z.string(), url: z.string(), title: z.string().nullable(), at: z.string() })),
});

export const cohortParticipants = z.object({
  cohort: z.object({ id: z.string(), name: z.string(), startsOn: isoDate, programmeId: z.string() }),
  totalCount: z.number().int(),
  participants: z.array(
    z.object({ memberId: z.string(), name: z.string(), doneCount: z.number().int(), completed: z.boolean() }),
  ),
});
export type Catalogue = z.infer<typeof catalogue>;
export type CohortReflections = z.infer<typeof cohortReflections>;
export type CohortParticipants = z.infer<typeof cohortParticipants>;
export type EnrolBody = z.input<typeof enrolBody>;
export type ReflectionRequest = z.input<typeof reflectionBody>;
