import type { AppContext } from '../../server/context.js';
import { AppError, conflict, notFound } from '../../server/errors.js';
import { renderMarkdown } from '../../server/markdown.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { activeEnrolmentsOf, type EnrolmentRow } from './enrolments.repository.js';
import type { EnrolmentView, ThingView } from './enrolments.schema.js';
import { participationInputs, participationView, serialisedView } from './participation-cache.js';
import { thingDone } from './programme-outline.js';
import { recordTried } from './progress.js';
import { reflectionOf, sayDay } from './this-week.js';

/*
 * A participant's "this week", one thing's page and marking a thing tried. Organisers may read a participant's
 * enrolment (it is what they were told they would see); only the participant changes it.
 */

/** "This week" for the enrolment (made from cached inputs, once a day per participant: participation-cache.ts). */
export async function loadParticipation(ctx: AppContext, enrolment: EnrolmentRow, now: Date) {
  return (await participationView(ctx, enrolment, now)).view;
}

/** The participant's "this week": released things and their progress, what is next, how far behind. */
export async function getEnrolment(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  now = new Date(),
): Promise<EnrolmentView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:read', { enrolment: enrolmentId });
  return loadParticipation(ctx, enrolment, now);
}

/** The same, serialised for the route (participants open it all day; see participation-cache.ts). */
export async function getEnrolmentJson(ctx: AppContext, actor: Actor, enrolmentId: string): Promise<string> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:read', { enrolment: enrolmentId });
  return serialisedView(await participationView(ctx, enrolment, new Date()));
}

/** A thing not released yet for this participant answers 404, saying when it will be. */
function notReleased(number: number, releasedOn: string) {
  return new AppError(
    'not_found',
    `Thing ${number} is not released yet: it comes on ${sayDay(releasedOn)}.`,
    undefined,
    {
      releasedOn,
    },
  );
}

/** One released thing: its body rendered from Markdown (sanitised), task, prompt, links and the participant's progress. */
export async function getThing(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  thingId: string,
  now = new Date(),
): Promise<ThingView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:read', { enrolment: enrolmentId });
  const [view, { outline, progress }] = await Promise.all([
    loadParticipation(ctx, enrolment, now),
    participationInputs(ctx, enrolment),
  ]);
  const listed = view.things.find((t) => t.id === thingId);
  const thing = outline?.things.find((t) => t.id === thingId);
  if (!listed || !thing || !outline) throw notFound('Thing');
  if (!listed.released) throw notReleased(listed.number, listed.releasedOn);
  const p = progress.find((r) => r.thingId === thingId);
  return {
    id: thing.id,
    number: listed.number,
    title: thing.title,
    html: renderMarkdown(thing.body),
    task: thing.task,
    prompt: thing.prompt,
    links: thing.links,
    minutes: thing.minutes,
    required: thing.required,
    minWords: thing.minWords,
    releasedOn: listed.releasedOn,
    triedAt: p?.triedAt?.toISOString() ?? null,
    reflection: reflectionOf(outline.programme.organizationId, p),
    done: thingDone(p),
    canShareWithCohort: Boolean(enrolment.cohortId),
  };
}

/**
 * Checks the participant may write progress on the thing now: they have not left, and it is released to them.
 * Returns the thing's number and "this week" as it stands.
 */
export async function writableThing(ctx: AppContext, enrolment: EnrolmentRow, thingId: string, now: Date) {
  if (enrolment.status === 'left') throw conflict('You left this programme: rejoin it to carry on.');
  const view = await loadParticipation(ctx, enrolment, now);
  const listed = view.things.find((t) => t.id === thingId);
  if (!listed) throw notFound('Thing');
  if (!listed.released) throw notReleased(listed.number, listed.releasedOn);
  return listed;
}

/** Marks a thing tried, or not tried any more; completes the programme when that was the last step. */
export async function markTried(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  thingId: string,
  tried: boolean,
  now = new Date(),
): Promise<EnrolmentView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:update', { enrolment: enrolmentId });
  await writableThing(ctx, enrolment, thingId, now);
  await inTransaction(ctx, (txCtx) => recordTried(ctx, actor, txCtx.db, { enrolmentId, thingId, tried, at: now }));
  return getEnrolment(ctx, actor, enrolmentId, now);
}

/**
 * The member's programmes in progress in an organisation, as home shows them: "4 of 12 things", the next
 * release, and where "Catch up" goes when they are behind. No access check: `memberId` is the caller's own
 * (home checked it). One statement when they take part in none.
 */
export async function programmesInProgress(ctx: AppContext, memberId: string, orgId: string, now = new Date()) {
  const enrolments = await activeEnrolmentsOf(ctx.db, memberId, orgId);
  const views = await Promise.all(enrolments.map((e) => loadParticipation(ctx, e, now)));
  return views.map((v) => ({
    enrolmentId: v.enrolment.id,
    programmeId: v.programme.id,
    title: v.programme.title,
    doneCount: v.doneCount,
    totalCount: v.totalCount,
    next: v.next ? { label: v.next.label, releasedOn: v.next.releasedOn } : null,
    catchUp: v.behind && v.catchUp ? { thingId: v.catchUp.thingId, number: v.catchUp.number } : null,
  }));
}
