import { randomUUID } from 'node:crypto';
import { addDays, format, parseISO } from 'date-fns';
import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { loadProgrammeOutline } from './programme-outline.js';
import {
  cohortHasParticipants,
  deleteCohort,
  findCohortCounted,
  insertCohort,
  listCohorts,
  lockProgramme,
  updateCohort,
} from './programmes.repository.js';
import type { CohortView, cohortBody, updateCohortBody } from './programmes.schema.js';

/*
 * Cohorts: people who start a programme together. Organisers open them (a start date, perhaps a capacity and
 * a last day to join), change them, and delete one only while nobody is in it.
 */

type Listed = Awaited<ReturnType<typeof listCohorts>>[number];
const viewOf = ({ cohort: c, participants }: Listed): CohortView => ({
  id: c.id,
  programmeId: c.programmeId,
  name: c.name,
  startsOn: c.startsOn,
  capacity: c.capacity,
  joinBy: c.joinBy,
  participants,
});

/** The day the programme ends for a cohort starting on `startsOn`: the last day of its last week. */
function lastDay(startsOn: string, weeks: number): string {
  return format(addDays(parseISO(startsOn), Math.max(weeks, 1) * 7 - 1), 'yyyy-MM-dd');
}

/** The dates and capacity make sense together, or 400 naming the field. */
function checkCohort(
  cohort: { startsOn: string; joinBy: string | null; capacity: number | null },
  weeks: number,
  participants = 0,
) {
  if (cohort.joinBy) {
    const end = lastDay(cohort.startsOn, weeks);
    if (cohort.joinBy > end) {
      throw validationError({ joinBy: `The last day to join is at most the programme’s last day (${end}).` });
    }
  }
  if (cohort.capacity !== null && cohort.capacity < participants) {
    throw validationError({
      capacity: `${participants} people are in this cohort already: capacity is at least that.`,
    });
  }
}

/** The programme's cohorts, by start date, with how many take part in each (organisers only). */
export async function listProgrammeCohorts(ctx: AppContext, actor: Actor, programmeId: string) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  return (await listCohorts(ctx.db, programmeId)).map(viewOf);
}

/** Opens a cohort of the programme. */
export async function openCohort(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: z.infer<typeof cohortBody>,
) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, programmeId);
    const outline = await loadProgrammeOutline(tx.db, programmeId);
    if (!outline) throw notFound('Programme');
    if (outline.programme.status === 'archived') throw conflict('This programme is archived: copy it to run it again.');
    checkCohort(input, outline.weeks.length);
    await insertCohort(tx.db, { id, programmeId, ...input });
  });
  return cohortView(ctx, id);
}

async function cohortView(ctx: AppContext, cohortId: string) {
  const row = await findCohortCounted(ctx.db, cohortId);
  if (!row) throw notFound('Cohort');
  return viewOf(row);
}

/** Changes a cohort's name, dates or capacity (never below the people already in it). */
export async function changeCohort(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  input: z.infer<typeof updateCohortBody>,
) {
  const { cohort } = await requireAccess(ctx, actor, 'cohort:edit', { cohort: cohortId });
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, cohort.programmeId);
    const current = await findCohortCounted(tx.db, cohortId);
    const outline = await loadProgrammeOutline(tx.db, cohort.programmeId);
    if (!current || !outline) throw notFound('Cohort');
    checkCohort({ ...current.cohort, ...input }, outline.weeks.length, current.participants);
    await updateCohort(tx.db, cohortId, input);
  });
  return cohortView(ctx, cohortId);
}

/** Deletes a cohort nobody has joined; with people in it, 409 says why. */
export async function removeCohort(ctx: AppContext, actor: Actor, cohortId: string) {
  const { cohort } = await requireAccess(ctx, actor, 'cohort:edit', { cohort: cohortId });
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, cohort.programmeId);
    if (await cohortHasParticipants(tx.db, cohortId)) {
      throw conflict('People have joined this cohort: it cannot be deleted. Change its dates or capacity instead.');
    }
    if (!(await deleteCohort(tx.db, cohortId))) throw notFound('Cohort');
  });
}
