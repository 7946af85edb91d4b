import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { getLearnerSettings, localDate } from '../settings/index.js';
import {
  type CohortRow,
  cohortsWithTaken,
  enrolmentOf,
  enrolmentsOfMember,
  insertEnrolment,
  listPublishedProgrammes,
  lockCohort,
  updateEnrolment,
} from './enrolments.repository.js';
import {
  type CatalogueEntry,
  type CohortOffer,
  type EnrolInput,
  type EnrolmentSummary,
  ORGANISERS_SEE,
  PREVIEW_BANNER,
  type ProgrammeOverview,
} from './enrolments.schema.js';
import { addProgrammeGoal } from './programme-goal.js';
import { loadProgrammeOutline } from './programme-outline.js';
import { participantSchedule } from './release-schedule.js';
import { pacingOf, summaryOf } from './this-week.js';

/*
 * Learners find a programme, read its outline and what organisers will see, and enrol: alone, or into a cohort
 * with places left, optionally adding the programme to their plan as a goal. Leaving keeps what they did.
 */

const coverUrlOf = (p: { id: string; coverImageKey: string | null }) =>
  p.coverImageKey ? `/api/programmes/${p.id}/cover` : null;

/** A cohort open to join on `today`: not past its join-by date (or its start, without one) and not full. */
function offerOf(cohort: CohortRow, taken: number, today: string): CohortOffer | undefined {
  const lastDay = cohort.joinBy ?? null;
  if (lastDay && lastDay < today) return undefined;
  const placesLeft = cohort.capacity === null ? null : Math.max(0, cohort.capacity - taken);
  if (placesLeft === 0) return undefined;
  return { id: cohort.id, name: cohort.name, startsOn: cohort.startsOn, joinBy: cohort.joinBy, placesLeft };
}

async function todayOf(ctx: AppContext, userId: string, now: Date) {
  return localDate((await getLearnerSettings(ctx.db, userId)).timeZone, now);
}

/** The organisation's published programmes, with the cohorts open to join and the viewer's own enrolment. */
export async function listCatalogue(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  now = new Date(),
): Promise<CatalogueEntry[]> {
  const { me, user } = await requireAccess(ctx, actor, 'programme:read-catalogue', { org: orgId });
  const rows = await listPublishedProgrammes(ctx.db, orgId);
  const ids = rows.map((r) => r.programme.id);
  const [cohorts, mine, today] = await Promise.all([
    cohortsWithTaken(ctx.db, ids),
    enrolmentsOfMember(ctx.db, me.id, ids),
    todayOf(ctx, user.userId, now),
  ]);
  return rows.map(({ programme: p, weeks, things, minutes }) => {
    const enrolment = mine.find((e) => e.programmeId === p.id);
    return {
      id: p.id,
      title: p.title,
      summary: p.summary,
      audience: p.audience,
      coverUrl: coverUrlOf(p),
      weeks,
      things,
      totalMinutes: minutes,
      selfPaced: p.selfPaced !== 'off',
      cohorts: cohorts
        .filter((c) => c.cohort.programmeId === p.id)
        .flatMap((c) => offerOf(c.cohort, c.taken, today) ?? []),
      enrolment: enrolment ? summaryOf(enrolment) : null,
    };
  });
}

/**
 * A programme's page: its outline, cohorts open to join, the viewer's enrolment and what organisers see. An
 * organiser looking at a draft gets the preview, scheduled as if they enrolled alone today.
 */
export async function programmeOverview(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  now = new Date(),
): Promise<ProgrammeOverview> {
  const { me, user } = await requireAccess(ctx, actor, 'programme:read', { programme: programmeId });
  const outline = await loadProgrammeOutline(ctx.db, programmeId);
  if (!outline) throw notFound('Programme');
  const { programme: p } = outline;
  const timeZone = (await getLearnerSettings(ctx.db, user.userId)).timeZone;
  const today = localDate(timeZone, now);
  const [cohorts, enrolment] = await Promise.all([
    cohortsWithTaken(ctx.db, [programmeId]),
    enrolmentOf(ctx.db, programmeId, me.id),
  ]);
  const alone = pacingOf({ cohortId: null }, outline);
  const schedule = participantSchedule(outline.weeks, today, alone, timeZone, now);
  const releaseOf = new Map(schedule.weeks.map((w) => [w.weekId, w.releasedOn]));
  const numberOf = new Map(outline.things.map((t, i) => [t.id, i + 1]));
  return {
    id: p.id,
    organizationId: p.organizationId,
    title: p.title,
    summary: p.summary,
    audience: p.audience,
    coverUrl: coverUrlOf(p),
    status: p.status,
    selfPaced: p.selfPaced,
    offersGoal: p.offersGoal,
    minOptional: p.minOptional,
    weeks: outline.weeks.map((w) => ({
      id: w.id,
      position: w.position,
      title: w.title,
      catchUp: w.catchUp,
      releasedOn: p.selfPaced === 'off' && p.status === 'published' ? null : (releaseOf.get(w.id) ?? null),
      things: outline.things
        .filter((t) => t.weekId === w.id)
        .map((t) => ({
          id: t.id,
          number: numberOf.get(t.id) ?? 0,
          title: t.title,
          minutes: t.minutes,
          required: t.required,
        })),
    })),
    cohorts: cohorts.flatMap((c) => offerOf(c.cohort, c.taken, today) ?? []),
    enrolment: enrolment ? summaryOf(enrolment) : null,
    organisersSee: ORGANISERS_SEE,
    preview: p.status === 'draft' ? PREVIEW_BANNER : null,
  };
}

/**
 * Enrols the viewer: into a cohort with places left (checked under the cohort's row lock, so two people cannot
 * take its last place) before its join-by date, or alone when the programme is self-paced. Enrolling again
 * answers 409 with the enrolment they have; someone who left rejoins (keeping what they did). With `addGoal`,
 * the programme becomes a goal in their current plan, in the same transaction.
 */
export async function enrol(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: EnrolInput,
  now = new Date(),
): Promise<EnrolmentSummary> {
  const { me, user, programme: p } = await requireAccess(ctx, actor, 'programme:enrol', { programme: programmeId });
  if (!input.cohortId && p.selfPaced === 'off') {
    throw validationError({ cohortId: 'Choose a cohort: this programme runs in cohorts only.' });
  }
  if (input.addGoal && !p.offersGoal) {
    throw validationError({ addGoal: 'This programme is not offered as a goal for your plan.' });
  }
  const today = await todayOf(ctx, user.userId, now);
  const write = () =>
    inTransaction(ctx, async (txCtx) => {
      const tx = txCtx.db;
      const existing = await enrolmentOf(tx, programmeId, me.id);
      if (existing && existing.status !== 'left') return { existing };
      if (input.cohortId) {
        const locked = await lockCohort(tx, programmeId, input.cohortId);
        if (!locked) throw validationError({ cohortId: 'Choose one of this programme’s cohorts.' });
        const { cohort, taken } = locked;
        if (cohort.joinBy && cohort.joinBy < today) {
          throw conflict(`${cohort.name} closed to new participants on ${cohort.joinBy}.`, {
            cohortId: 'This cohort is closed: choose another.',
          });
        }
        if (cohort.capacity !== null && taken >= cohort.capacity) {
          throw conflict(`${cohort.name} is full.`, { cohortId: 'This cohort is full: choose another.' });
        }
      }
      const fields = {
        cohortId: input.cohortId ?? null,
        startedOn: today,
        consentedAt: now,
        status: 'active' as const,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await updateEnrolment(txCtx, id, { ...fields, completedAt: null });
      } else {
        id = randomUUID();
        await insertEnrolment(tx, {
          id,
          programmeId,
          organizationId: p.organizationId,
          memberId: me.id,
          userId: user.userId,
          ...fields,
        });
      }
      if (input.addGoal && !existing?.goalId) {
        const goal = await addProgrammeGoal(txCtx, actor, {
          memberId: me.id,
          programmeId,
          cohortId: input.cohortId,
          today,
          now,
        });
        await updateEnrolment(txCtx, id, goal);
      }
      return { id };
    });
  let result: Awaited<ReturnType<typeof write>>;
  try {
    result = await write();
  } catch (err) {
    // Two enrolments of one person at once: the second finds the first's.
    if (!isUniqueViolation(err)) throw err;
    result = await write();
  }
  const row = await enrolmentOf(ctx.db, programmeId, me.id);
  if (!row) throw notFound('Enrolment');
  if ('existing' in result) {
    throw conflict('You are enrolled already.', undefined, { current: summaryOf(row) });
  }
  return summaryOf(row);
}

/** Leaves a programme: the enrolment and its progress stay, so they can rejoin where they were. */
export async function leaveProgramme(ctx: AppContext, actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:update', { enrolment: enrolmentId });
  if (enrolment.status === 'left') return summaryOf(enrolment);
  if (enrolment.status === 'completed') throw conflict('You completed this programme: there is nothing to leave.');
  const row = await updateEnrolment(ctx, enrolmentId, { status: 'left' });
  if (!row) throw notFound('Enrolment');
  return summaryOf(row);
}
