import { z } from 'zod';
import { selfPacedModes } from '../../db/schema/programmes.js';
import { idParam, oneLineText } from '../../server/schemas.js';

/*
 * Authoring programmes (L&D admins and owners): the programme's details, its weeks and things, cohorts,
 * and the documents a programme leaves and arrives as (export, import, the starter programme).
 */

export const orgParams = z.object({ orgId: idParam });
export const programmeParams = z.object({ programmeId: idParam });
export const weekParams = z.object({ weekId: idParam });
export const thingParams = z.object({ thingId: idParam });
export const cohortParams = z.object({ cohortId: idParam });

const title = (what: string, max = 120) =>
  oneLineText({ error: `Give the ${what} a title.` })
    .trim()
    .min(1, { error: `Give the ${what} a title.` })
    .max(max, { error: `Keep the title under ${max} characters.` });
const longText = (max: number, what: string) =>
  z.string({ error: `${what} is text.` }).max(max, { error: `Keep ${what.toLowerCase()} under ${max} characters.` });
const count = (what: string, max: number) =>
  z
    .number({ error: `${what} is a whole number.` })
    .int({ error: `${what} is a whole number.` })
    .min(0, { error: `${what} is 0 or more.` })
    .max(max, { error: `${what} is at most ${max}.` });
const version = z.number({ error: 'Send the version you edited.' }).int().min(1);

/** A programme's details, each field as it may be changed (no defaults: a change names what it changes). */
const detailFields = {
  title: title('programme'),
  summary: longText(2000, 'The summary'),
  audience: longText(300, 'The audience'),
  tag: oneLineText()
    .trim()
    .max(60, { error: 'Keep the tag under 60 characters.' })
    .regex(/^(#[\p{L}\p{N}_-]+)?$/u, { error: 'A tag is one word after #, like #learning-out-loud.' }),
  selfPaced: z.enum(selfPacedModes, { error: 'Self-paced is off, weekly or all at once.' }),
  minOptional: count('The number of optional things', 100),
  behindAfterDays: count('Days behind', 90),
  offersGoal: z.boolean({ error: 'Offers a goal is yes or no.' }),
};

/** A programme's details, as written when it starts, in an export and in the starter programme. */
export const programmeDetails = z.object({
  ...detailFields,
  summary: detailFields.summary.default(''),
  audience: detailFields.audience.default(''),
  tag: detailFields.tag.default(''),
  selfPaced: detailFields.selfPaced.default('weekly'),
  minOptional: detailFields.minOptional.default(0),
  behindAfterDays: detailFields.behindAfterDays.default(7),
  offersGoal: detailFields.offersGoal.default(true),
});

export const createProgrammeBody = programmeDetails;
export type CreateProgrammeBody = z.input<typeof createProgrammeBody>;
/** A change of details: only the fields sent change; `version` (or If-Match) is the version edited. */
export const updateProgrammeBody = z
  .object(detailFields)
  .partial()
  .extend({
    version: version.optional(),
    /** The badge completing the programme awards (one of the organisation's achievements), or null for none. */
    achievementId: z.string({ error: 'Choose a badge, or none.' }).max(64).nullable().optional(),
  });
export type UpdateProgrammeBody = z.input<typeof updateProgrammeBody>;

const httpUrl = z
  .string({ error: 'Give the link’s address.' })
  .trim()
  .max(2000, { error: 'Keep the address under 2,000 characters.' })
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), {
    error: 'A link is an http:// or https:// address.',
  });
export const thingLink = z.object({ title: title('link', 200), url: httpUrl });

const thingFields = {
  title: title('thing', 160),
  body: longText(20_000, 'The body'),
  task: longText(2000, 'The task'),
  prompt: longText(2000, 'The prompt'),
  links: z.array(thingLink, { error: 'Links are a list.' }).max(20, { error: 'At most 20 links.' }),
  minutes: z
    .number({ error: 'Minutes is a whole number.' })
    .int({ error: 'Minutes is a whole number.' })
    .min(1, { error: 'A thing takes at least a minute.' })
    .max(600, { error: 'Minutes is at most 600.' }),
  required: z.boolean({ error: 'Required is yes or no.' }),
  minWords: count('Minimum words', 2000),
};

/** What a thing says: the same fields in the editor, an export and the starter programme. */
export const thingContent = z.object({
  ...thingFields,
  body: thingFields.body.default(''),
  task: thingFields.task.default(''),
  prompt: thingFields.prompt.default(''),
  links: thingFields.links.default([]),
  minutes: thingFields.minutes.default(15),
  required: thingFields.required.default(true),
  minWords: thingFields.minWords.default(0),
});

export const createWeekBody = z.object({
  title: oneLineText().trim().max(120, { error: 'Keep the title under 120 characters.' }).default(''),
  catchUp: z.boolean({ error: 'Catch-up is yes or no.' }).default(false),
});
export const updateWeekBody = z.object({
  title: oneLineText().trim().max(120, { error: 'Keep the title under 120 characters.' }).optional(),
  catchUp: z.boolean({ error: 'Catch-up is yes or no.' }).optional(),
  /** Moves the week to this place (0-based); the things move with it. */
  position: z.number({ error: 'Position is a whole number.' }).int().min(0).max(200).optional(),
});

export const createThingBody = thingContent.extend({ weekId: idParam });
export type CreateThingBody = z.input<typeof createThingBody>;
export const updateThingBody = z
  .object(thingFields)
  .partial()
  .extend({
    version: version.optional(),
    /** Moves the thing to this week (with `index`, its place among that week's things, 0-based; default: last). */
    weekId: idParam.optional(),
    index: z.number({ error: 'Index is a whole number.' }).int().min(0).max(500).optional(),
    /** For a released thing: send participants an in-app notification about the change. */
    tellParticipants: z.boolean().default(false),
  });
export type UpdateThingBody = z.input<typeof updateThingBody>;

const date = z.iso.date({ error: 'A date is YYYY-MM-DD.' });
export const cohortBody = z.object({
  name: title('cohort', 80),
  startsOn: date,
  capacity: z
    .number({ error: 'Capacity is a whole number.' })
    .int({ error: 'Capacity is a whole number.' })
    .min(1, { error: 'Capacity is at least 1 (or leave it empty for no limit).' })
    .max(100_000)
    .nullable()
    .default(null),
  joinBy: date.nullable().default(null),
});
export const updateCohortBody = z
  .object({
    name: cohortBody.shape.name,
    startsOn: date,
    capacity: cohortBody.shape.capacity.unwrap(),
    joinBy: date.nullable(),
  })
  .partial();

// Answers.

export const thingView = z
  .object({
    id: z.string(),
    weekId: z.string(),
    /** 1-based number of the thing in the whole programme. */
    number: z.number().int(),
    title: z.string(),
    body: z.string(),
    task: z.string(),
    prompt: z.string(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    minutes: z.number().int(),
    required: z.boolean(),
    minWords: z.number().int(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgrammeThing' });
export type ThingView = z.infer<typeof thingView>;

export const weekView = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  catchUp: z.boolean(),
  things: z.array(thingView),
});
export type WeekView = z.infer<typeof weekView>;

export const programmeOutlineView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    title: z.string(),
    summary: z.string(),
    audience: z.string(),
    tag: z.string(),
    selfPaced: z.enum(selfPacedModes),
    minOptional: z.number().int(),
    behindAfterDays: z.number().int(),
    offersGoal: z.boolean(),
    achievementId: z.string().nullable(),
    status: z.enum(['draft', 'published', 'archived']),
    hasCover: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    weeks: z.array(weekView),
    /** For the editor's release calendar: each week's date for a cohort starting next Monday. */
    sampleCalendar: z.object({
      startsOn: z.string(),
      weeks: z.array(z.object({ weekId: z.string(), releasedOn: z.string() })),
    }),
  })
  .meta({ id: 'ProgrammeOutline' });
export type ProgrammeOutlineView = z.infer<typeof programmeOutlineView>;

export const programmeListItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'archived']),
  weeks: z.number().int(),
  things: z.number().int(),
  cohorts: z.number().int(),
  participants: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const programmeList = z.object({ programmes: z.array(programmeListItem) });
export type ProgrammeList = z.infer<typeof programmeList>;

export const revisionList = z.object({
  revisions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      snapshot: z.record(z.string(), z.unknown()),
      editedBy: z.string().nullable(),
      participantsTold: z.boolean(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type RevisionList = z.infer<typeof revisionList>;

export const cohortView = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    name: z.string(),
    startsOn: z.string(),
    capacity: z.number().int().nullable(),
    joinBy: z.string().nullable(),
    participants: z.number().int(),
  })
  .meta({ id: 'ProgrammeCohort' });
export type CohortView = z.infer<typeof cohortView>;
export const cohortList = z.object({ cohorts: z.array(cohortView) });
export type CohortList = z.infer<typeof cohortList>;

/**
 * The export format, version 1 (docs/decisions/2026-12-05-programme-export-format.md): what a programme says,
 * with no ids of the organisation it came from, so another organisation can import it.
 */
export const programmeDocument = z.object({
  format: z.literal('waymark-programme', { error: 'This is not a Waymark programme (format).' }),
  version: z.literal(1, { error: 'This version of the programme format is not known (version 1 is).' }),
  programme: programmeDetails,
  weeks: z
    .array(
      z.object({
        title: oneLineText().trim().max(120, { error: 'Keep the title under 120 characters.' }).default(''),
        catchUp: z.boolean({ error: 'Catch-up is yes or no.' }).default(false),
        things: z.array(thingContent, { error: 'Things are a list.' }).max(100).default([]),
      }),
      { error: 'Weeks are a list.' },
    )
    .max(60, { error: 'At most 60 weeks.' }),
});
export type ProgrammeDocument = z.infer<typeof programmeDocument>;
export type ProgrammeDocumentInput = z.input<typeof programmeDocument>;
