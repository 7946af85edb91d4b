import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { findAchievement } from '../badges/index.js';
import { documentOf, outlineView, tagFromTitle, writeProgrammeDocument } from './programme-document.js';
import { loadProgrammeOutline } from './programme-outline.js';
import { listAuthoredProgrammes, lockProgramme, touchProgramme, updateProgrammeAt } from './programmes.repository.js';
import type { createProgrammeBody, ProgrammeOutlineView, updateProgrammeBody } from './programmes.schema.js';

/*
 * Programmes as their authors (the organisation's L&D admins and owners) see them: the list with drafts, the
 * editable outline, the details, and the steps draft → published → archived.
 */

/** The outline the editor shows, read through `ctx` (the request's transaction when there is one). */
export async function editableOutline(ctx: AppContext, programmeId: string): Promise<ProgrammeOutlineView> {
  const outline = await loadProgrammeOutline(ctx.db, programmeId);
  if (!outline) throw notFound('Programme');
  return outlineView(outline, new Date());
}

/** The organisation's programmes for their authors, drafts included, with weeks, things, cohorts and people. */
export async function listProgrammesForAuthors(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'programme:list-authored', { org: orgId });
  const rows = await listAuthoredProgrammes(ctx.db, orgId);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** Starts a draft programme with one empty week; the tag defaults to the title's words (`#learning-out-loud`). */
export async function createProgramme(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof createProgrammeBody>,
) {
  const { me } = await requireAccess(ctx, actor, 'programme:create', { org: orgId });
  const id = await inTransaction(ctx, (tx) =>
    writeProgrammeDocument(
      tx.db,
      {
        format: 'waymark-programme',
        version: 1,
        programme: { ...input, tag: input.tag || tagFromTitle(input.title) },
        weeks: [{ title: '', catchUp: false, things: [] }],
      },
      { organizationId: orgId, memberId: me.id },
    ),
  );
  return editableOutline(ctx, id);
}

/** The editable outline of a programme (organisers only; a draft does not exist for anyone else). */
export async function getProgrammeForAuthor(ctx: AppContext, actor: Actor, programmeId: string) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  return editableOutline(ctx, programmeId);
}

/** Changes the programme's details at the version the author edited; a stale version answers 409 with the current. */
export async function updateProgramme(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: z.infer<typeof updateProgrammeBody>,
) {
  const { programme } = await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const { version, ...values } = input;
  if (version === undefined) throw validationError({ version: 'Send the version you edited.' });
  if (values.achievementId) {
    // Another organisation's badge answers as if there were none of that id.
    const badge = await findAchievement(ctx.db, values.achievementId);
    if (badge?.organizationId !== programme.organizationId) {
      throw validationError({ achievementId: 'Choose one of this organisation’s badges, or none.' });
    }
  }
  if (values.title !== undefined && values.tag === '') values.tag = tagFromTitle(values.title);
  const done = await updateProgrammeAt(ctx, programmeId, version, values);
  if (!done) {
    throw conflict('Someone changed this programme meanwhile: here it is as it is now.', undefined, {
      current: await editableOutline(ctx, programmeId),
    });
  }
  return editableOutline(ctx, programmeId);
}

/** Why a programme cannot be published yet, in the author's words; undefined when it can. */
function unpublishable(outline: NonNullable<Awaited<ReturnType<typeof loadProgrammeOutline>>>): string | undefined {
  if (outline.things.length === 0) return 'Add at least one thing before publishing.';
  const empty = outline.weeks.find((w) => !w.catchUp && !outline.things.some((t) => t.weekId === w.id));
  if (empty) {
    return `Week ${empty.position + 1}${empty.title ? ` (${empty.title})` : ''} has no things: add one, mark it a catch-up week, or remove it.`;
  }
  return undefined;
}

/**
 * Publishes a draft: from now on members see it and may enrol. Refused (409, saying why) while it has no thing
 * or a week that is neither a catch-up week nor has things. Publishing a published programme changes nothing.
 */
export async function publishProgramme(ctx: AppContext, actor: Actor, programmeId: string) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  await inTransaction(ctx, async (tx) => {
    const locked = await lockProgramme(tx, programmeId);
    if (!locked || locked.status === 'published') return;
    if (locked.status === 'archived') throw conflict('This programme is archived: copy it to run it again.');
    const outline = await loadProgrammeOutline(tx.db, programmeId);
    const why = outline && unpublishable(outline);
    if (why) throw conflict(why);
    await touchProgramme(tx, programmeId, { status: 'published', publishedAt: new Date() });
  });
  return editableOutline(ctx, programmeId);
}

/** Archives a programme: it leaves members' lists; participants keep what they did. Archiving twice changes nothing. */
export async function archiveProgramme(ctx: AppContext, actor: Actor, programmeId: string) {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  await inTransaction(ctx, async (tx) => {
    const locked = await lockProgramme(tx, programmeId);
    if (!locked || locked.status === 'archived') return;
    await touchProgramme(tx, programmeId, { status: 'archived' });
  });
  return editableOutline(ctx, programmeId);
}

/** Copies a programme into a new draft "Copy of …": its details, weeks and things; no cohorts or participants. */
export async function copyProgramme(ctx: AppContext, actor: Actor, programmeId: string) {
  const { me, programme } = await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const id = await inTransaction(ctx, async (tx) => {
    const outline = await loadProgrammeOutline(tx.db, programmeId);
    if (!outline) throw notFound('Programme');
    const title = `Copy of ${programme.title}`.slice(0, 120);
    return writeProgrammeDocument(tx.db, documentOf(outline), {
      organizationId: programme.organizationId,
      memberId: me.id,
      title,
      copiedFromId: programmeId,
    });
  });
  return editableOutline(ctx, id);
}
