import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { cutText } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { findItem } from '../plans/index.js';
import {
  deleteEvidenceRow,
  type EvidenceRow,
  evidenceOfGoal,
  findEvidence,
  insertEvidence,
  updateEvidenceRow,
} from './evidence.repository.js';
import type { createEvidenceBody, updateEvidenceBody } from './evidence.schema.js';
import { fileEvidenceFields } from './evidence.schema.js';
import { evidenceViewOf, ownerDownloadUrl } from './evidence-view.js';
import { allowedExtensions, kindOfName } from './file-types.js';
import { storeCheckedUpload } from './store-upload.js';

const today = () => new Date().toISOString().slice(0, 10);
const view = (row: EvidenceRow) => evidenceViewOf(row, ownerDownloadUrl);

export async function listEvidence(ctx: AppContext, actor: Actor, planId: string, goalId: string) {
  await requireAccess(ctx, actor, 'plan:read', { plan: planId, goal: await findItem(ctx.db, 'goal', planId, goalId) });
  return { evidence: (await evidenceOfGoal(ctx.db, planId, goalId)).map(view) };
}

/** A note or a link as evidence of a goal. */
export async function addEvidence(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: z.infer<typeof createEvidenceBody>,
  from?: { logEntryId: string },
) {
  const { user } = await requireAccess(ctx, actor, 'plan:write', {
    plan: planId,
    goal: await findItem(ctx.db, 'goal', planId, goalId),
  });
  const row = await insertEvidence(ctx.db, {
    id: randomUUID(),
    planId,
    goalId,
    userId: user.userId,
    kind: input.kind,
    title: input.title,
    note: input.note ?? '',
    url: input.kind === 'link' ? input.url : null,
    occurredOn: input.occurredOn ?? today(),
    logEntryId: from?.logEntryId ?? null,
  });
  return view(row);
}

/** An uploaded file as the service sees it: a name, what the browser said it is, its bytes and the form's fields. */
export interface Upload {
  fileName: string;
  stream: Readable;
  fields: Record<string, string>;
}

/**
 * A file as evidence. Every check that can be made before storing is made first; the file is stored whole
 * or not at all (see FileStore.put); a file whose content does not match its kind, or whose row cannot be
 * written, is removed again. So an upload that fails for any reason leaves nothing behind.
 */
export async function addFileEvidence(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  receive: () => Promise<Upload>,
) {
  // Access first: a stranger learns nothing, and their bytes are never read.
  const { user } = await requireAccess(ctx, actor, 'plan:write', {
    plan: planId,
    goal: await findItem(ctx.db, 'goal', planId, goalId),
  });
  const upload = await receive();
  // Typed as a never-returning function so TypeScript knows nothing runs after a refusal.
  const refuse: (err: Error) => never = (err) => {
    // Unread bytes would otherwise hold the request open.
    upload.stream.resume();
    throw err;
  };
  const fields = fileEvidenceFields.safeParse(upload.fields);
  if (!fields.success) {
    refuse(validationError(Object.fromEntries(fields.error.issues.map((i) => [i.path.join('.'), i.message]))));
  }
  const kind = kindOfName(upload.fileName);
  if (!kind) {
    refuse(
      validationError({ file: `Files of this type cannot be added. Use one of: ${allowedExtensions.join(', ')}.` }),
    );
  }
  const id = randomUUID();
  const storageKey = `evidence/${planId}/${id}`;
  const stored = await storeCheckedUpload(ctx.files, storageKey, upload.stream, kind, ctx.config.EVIDENCE_MAX_BYTES);
  try {
    const row = await insertEvidence(ctx.db, {
      id,
      planId,
      goalId,
      userId: user.userId,
      kind: 'file',
      title: fields.data?.title || upload.fileName,
      note: fields.data?.note ?? '',
      occurredOn: fields.data?.occurredOn ?? today(),
      storageKey,
      fileName: cutText(upload.fileName, 255, ''),
      contentType: kind.contentType,
      byteSize: stored.byteSize,
      sha256: stored.sha256,
    });
    return view(row);
  } catch (err) {
    await ctx.files.delete(storageKey);
    throw err;
  }
}

export async function updateEvidence(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  evidenceId: string,
  input: z.infer<typeof updateEvidenceBody>,
) {
  const { evidence: row } = await requireAccess(ctx, actor, 'plan:write', {
    plan: planId,
    evidence: await findEvidence(ctx.db, planId, evidenceId),
  });
  const { version, ...changes } = input;
  if (changes.url !== undefined && row.kind !== 'link') throw validationError({ url: 'Only a link has an address.' });
  const stale = () => conflict('This evidence was changed elsewhere meanwhile.', undefined, { current: view(row) });
  if (version !== undefined && version !== row.version) throw stale();
  const updated = await updateEvidenceRow(ctx.db, row.id, row.version, changes);
  if (!updated) throw stale();
  return view(updated);
}

/** Removes evidence and its file (the row first: a file without a row is never served). */
export async function deleteEvidence(ctx: AppContext, actor: Actor, planId: string, evidenceId: string) {
  const { evidence: row } = await requireAccess(ctx, actor, 'plan:write', {
    plan: planId,
    evidence: await findEvidence(ctx.db, planId, evidenceId),
  });
  await deleteEvidenceRow(ctx.db, row.id);
  if (row.storageKey) await ctx.files.delete(row.storageKey);
}

/** A stored file, for someone allowed to see its goal. */
export async function openEvidenceFile(ctx: AppContext, actor: Actor, planId: string, evidenceId: string) {
  const { evidence: row } = await requireAccess(ctx, actor, 'plan:read', {
    plan: planId,
    evidence: await findEvidence(ctx.db, planId, evidenceId),
  });
  return openStoredFile(ctx, row);
}

/** The bytes and headers of a file evidence row; shared with the portfolio's secret-link download. */
export async function openStoredFile(ctx: AppContext, row: EvidenceRow) {
  if (row.kind !== 'file' || !row.storageKey) throw notFound('File');
  const stream = await ctx.files.open(row.storageKey);
  if (!stream) throw notFound('File');
  return {
    stream,
    fileName: row.fileName ?? 'evidence',
    contentType: row.contentType ?? 'application/octet-stream',
    byteSize: row.byteSize ?? 0,
  };
}

/**
 * A link as evidence of a learner's goal, recorded by the app on their behalf when something they did shows the
 * goal met (a programme completed, whichever path completed it: a thing marked done, a post read from their
 * blog's feed). No access check: the caller has established it is the learner's own goal. Writes in `db`, the
 * caller's transaction.
 */
export async function recordLinkEvidence(
  db: Database,
  input: { planId: string; goalId: string; userId: string; title: string; url: string; note?: string; on: string },
) {
  return insertEvidence(db, {
    id: randomUUID(),
    planId: input.planId,
    goalId: input.goalId,
    userId: input.userId,
    kind: 'link',
    title: input.title,
    note: input.note ?? '',
    url: input.url,
    occurredOn: input.on,
  });
}
