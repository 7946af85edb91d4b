import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { notify } from '../notifications/index.js';
import { loadProgrammeOutline, type ProgrammeThingRow } from './programme-outline.js';
import {
  activeParticipants,
  deleteThing,
  deleteWeek,
  findThing,
  findWeek,
  insertRevision,
  insertThings,
  insertWeeks,
  listRevisions,
  lockProgramme,
  setThingPlace,
  setWeekPosition,
  thingHasProgress,
  touchProgramme,
  updateThingAt,
  updateWeek,
} from './programmes.repository.js';
import type { createThingBody, createWeekBody, updateThingBody, updateWeekBody } from './programmes.schema.js';
import { editableOutline } from './programmes.service.js';

/*
 * Weeks and things of a programme. Things are numbered through the whole programme (`position`): week order
 * first, then order within the week. Every change of order renumbers the programme's things in the same
 * transaction, under the programme's row lock, so the numbers people see are always 1..n without gaps.
 */

/**
 * Puts weeks and things in order: weeks 0..w-1 in `weekOrder`, things by week and then by `thingOrder` within
 * each week (defaults: as they are).
 */
async function renumber(
  tx: AppContext,
  programmeId: string,
  arrange?: { weekOrder?: string[]; thingOrder?: string[] },
) {
  const { db } = tx;
  const outline = await loadProgrammeOutline(db, programmeId);
  if (!outline) throw notFound('Programme');
  const weekIds = arrange?.weekOrder ?? outline.weeks.map((w) => w.id);
  const thingIds = arrange?.thingOrder ?? outline.things.map((t) => t.id);
  const byId = new Map(outline.things.map((t) => [t.id, t]));
  const weeks = new Map(outline.weeks.map((w) => [w.id, w]));
  for (const [position, weekId] of weekIds.entries()) {
    if (weeks.get(weekId)?.position !== position) await setWeekPosition(db, weekId, position);
  }
  let position = 0;
  for (const weekId of weekIds) {
    for (const id of thingIds) {
      const thing = byId.get(id);
      if (thing?.weekId !== weekId) continue;
      if (thing.position !== position) await setThingPlace(db, id, weekId, position);
      position++;
    }
  }
  await touchProgramme(tx, programmeId);
}

/** The week and the gate's answer for its programme: another organisation's week answers like a missing one. */
async function editableWeek(ctx: AppContext, actor: Actor, weekId: string) {
  const week = await findWeek(ctx.db, weekId);
  await requireAccess(ctx, actor, 'programme:edit', { programme: week?.programmeId });
  if (!week) throw notFound('Programme');
  return week;
}

async function editableThing(ctx: AppContext, actor: Actor, thingId: string, action: 'programme:edit') {
  const thing = await findThing(ctx.db, thingId);
  const granted = await requireAccess(ctx, actor, action, { programme: thing?.programmeId });
  if (!thing) throw notFound('Programme');
  return { thing, ...granted };
}

/** Adds a week at the end of the programme. */
export async function addWeek(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: z.infer<typeof createWeekBody>,
) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, programmeId);
    const outline = await loadProgrammeOutline(tx.db, programmeId);
    const position = outline?.weeks.length ?? 0;
    await insertWeeks(tx.db, [{ id: randomUUID(), programmeId, position, ...input }]);
    await touchProgramme(tx, programmeId);
  });
  return editableOutline(ctx, programmeId);
}

/** Renames a week, marks it a catch-up week or not, or moves it (its things move with it and are renumbered). */
export async function changeWeek(ctx: AppContext, actor: Actor, weekId: string, input: z.infer<typeof updateWeekBody>) {
  const week = await editableWeek(ctx, actor, weekId);
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, week.programmeId);
    const { position, ...values } = input;
    if (Object.keys(values).length > 0) await updateWeek(tx.db, weekId, values);
    if (position !== undefined) {
      const outline = await loadProgrammeOutline(tx.db, week.programmeId);
      const order = (outline?.weeks ?? []).map((w) => w.id).filter((id) => id !== weekId);
      if (position > order.length) throw validationError({ position: `Position is at most ${order.length}.` });
      order.splice(position, 0, weekId);
      await renumber(tx, week.programmeId, { weekOrder: order });
    } else {
      await touchProgramme(tx, week.programmeId);
    }
  });
  return editableOutline(ctx, week.programmeId);
}

/** Removes an empty week (409 while it has things: move or remove them first). */
export async function removeWeek(ctx: AppContext, actor: Actor, weekId: string) {
  const week = await editableWeek(ctx, actor, weekId);
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, week.programmeId);
    const outline = await loadProgrammeOutline(tx.db, week.programmeId);
    if (!outline?.weeks.some((w) => w.id === weekId)) throw notFound('Programme');
    if (outline.things.some((t) => t.weekId === weekId)) {
      throw conflict('This week has things: move them to another week or remove them first.');
    }
    await deleteWeek(tx.db, weekId);
    await renumber(tx, week.programmeId, {
      weekOrder: outline.weeks.map((w) => w.id).filter((id) => id !== weekId),
    });
  });
  return editableOutline(ctx, week.programmeId);
}

/** Adds a thing at the end of a week of the programme. */
export async function addThing(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: z.infer<typeof createThingBody>,
) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const { weekId, ...content } = input;
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, programmeId);
    const outline = await loadProgrammeOutline(tx.db, programmeId);
    if (!outline?.weeks.some((w) => w.id === weekId)) {
      throw validationError({ weekId: 'Pick a week of this programme.' });
    }
    const id = randomUUID();
    await insertThings(tx.db, [{ id, programmeId, weekId, position: outline.things.length, ...content }]);
    await renumber(tx, programmeId);
  });
  return editableOutline(ctx, programmeId);
}

const snapshotOf = (t: ProgrammeThingRow) => ({
  title: t.title,
  body: t.body,
  task: t.task,
  prompt: t.prompt,
  links: t.links,
  minutes: t.minutes,
  required: t.required,
  minWords: t.minWords,
});

/**
 * Changes a thing at the version the author edited (409 with the current outline when stale), and/or moves it
 * (to another week, at `index` among that week's things). Once the programme is out (published or archived),
 * the thing's previous state is kept as a revision; participants are told, in the app, only when the author
 * asks (`tellParticipants`), after the change is committed.
 */
export async function changeThing(
  ctx: AppContext,
  actor: Actor,
  thingId: string,
  input: z.infer<typeof updateThingBody>,
) {
  const { thing, me, programme } = await editableThing(ctx, actor, thingId, 'programme:edit');
  const { version, weekId, index, tellParticipants, ...content } = input;
  if (version === undefined) throw validationError({ version: 'Send the version you edited.' });
  const released = programme.status !== 'draft';
  const changesContent = Object.keys(content).length > 0;
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, thing.programmeId);
    const current = await findThing(tx.db, thingId);
    if (!current) throw notFound('Programme');
    if (current.version !== version) {
      throw conflict('Someone changed this thing meanwhile: here it is as it is now.', undefined, {
        current: await editableOutline(tx, thing.programmeId),
      });
    }
    if (released && changesContent) {
      await insertRevision(tx.db, {
        id: randomUUID(),
        thingId,
        version: current.version,
        snapshot: snapshotOf(current),
        editedByMemberId: me.id,
        participantsTold: tellParticipants,
      });
    }
    await updateThingAt(tx.db, thingId, version, content);
    if (weekId !== undefined || index !== undefined) {
      const outline = await loadProgrammeOutline(tx.db, thing.programmeId);
      if (!outline) throw notFound('Programme');
      const target = weekId ?? current.weekId;
      if (!outline.weeks.some((w) => w.id === target))
        throw validationError({ weekId: 'Pick a week of this programme.' });
      const others = outline.things.filter((t) => t.id !== thingId);
      const inTarget = others.filter((t) => t.weekId === target);
      const at = Math.min(index ?? inTarget.length, inTarget.length);
      await setThingPlace(tx.db, thingId, target, current.position);
      // The moved thing goes before the `at`-th thing of its new week (or after its last).
      const before = inTarget[at];
      const order = others.map((t) => t.id);
      const place = before ? order.indexOf(before.id) : order.length;
      order.splice(place, 0, thingId);
      await renumber(tx, thing.programmeId, { thingOrder: order });
    } else {
      await touchProgramme(tx, thing.programmeId);
    }
  });
  if (released && changesContent && tellParticipants) await tellParticipantsOf(ctx, thing, programme.title);
  return editableOutline(ctx, thing.programmeId);
}

/** An in-app notification to everyone taking part, linking to the thing's page. */
async function tellParticipantsOf(ctx: AppContext, thing: ProgrammeThingRow, programmeTitle: string) {
  const changed = await findThing(ctx.db, thing.id);
  if (!changed) return;
  const programme = await loadProgrammeOutline(ctx.db, thing.programmeId);
  if (!programme) return;
  const orgId = programme.programme.organizationId;
  for (const { userId } of await activeParticipants(ctx.db, thing.programmeId)) {
    await notify(ctx, {
      userId,
      organizationId: orgId,
      kind: 'programme_thing_changed',
      title: `“${changed.title}” has changed`,
      body: `The organisers of ${programmeTitle} updated this thing. Have a look at what is new.`,
      link: `/orgs/${orgId}/programmes/${thing.programmeId}/things/${thing.id}`,
      dedupeKey: `programme_thing_changed:${thing.id}:${changed.version}`,
    });
  }
}

/** Removes a thing nobody has started (409 otherwise: their progress would go with it). */
export async function removeThing(ctx: AppContext, actor: Actor, thingId: string) {
  const { thing } = await editableThing(ctx, actor, thingId, 'programme:edit');
  await inTransaction(ctx, async (tx) => {
    await lockProgramme(tx, thing.programmeId);
    if (!(await findThing(tx.db, thingId))) throw notFound('Programme');
    if (await thingHasProgress(tx.db, thingId)) {
      throw conflict(
        'Participants have started this thing: it stays, so their progress does. Mark it optional instead.',
      );
    }
    await deleteThing(tx.db, thingId);
    await renumber(tx, thing.programmeId);
  });
  return editableOutline(ctx, thing.programmeId);
}

/** A thing's history: its earlier states, newest first, who replaced each and whether participants were told. */
export async function thingRevisions(ctx: AppContext, actor: Actor, thingId: string) {
  await editableThing(ctx, actor, thingId, 'programme:edit');
  const rows = await listRevisions(ctx.db, thingId);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
