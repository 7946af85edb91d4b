import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { documentOf, writeProgrammeDocument } from './programme-document.js';
import { loadProgrammeOutline } from './programme-outline.js';
import { type ProgrammeDocument, programmeDocument } from './programmes.schema.js';
import { editableOutline } from './programmes.service.js';
import { starterProgramme } from './starter-programme.js';

/*
 * Programmes leaving and arriving as documents (the "waymark-programme" format, version 1): an export for
 * another organisation or a backup, an import that arrives whole as a draft or not at all, and Waymark's
 * starter programme.
 */

/** `["weeks", 1, "things", 0, "title"]` → `weeks[1].things[0].title`: the field as a person reads it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '_';
}

/** Checks a document against the format; 400 names each failing field (`weeks[1].things[0].title`). */
export function parseProgrammeDocument(input: unknown): ProgrammeDocument {
  const parsed = programmeDocument.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[fieldPath(issue.path)] ??= issue.message;
  throw validationError(fields, 'This programme file has fields that need attention.');
}

/** The programme as a document to download (organisers only). */
export async function exportProgramme(ctx: AppContext, actor: Actor, programmeId: string): Promise<ProgrammeDocument> {
  await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const outline = await loadProgrammeOutline(ctx.db, programmeId);
  if (!outline) throw notFound('Programme');
  return documentOf(outline);
}

/** Imports a document as a new draft of the organisation: checked first, written in one transaction. */
export async function importProgramme(ctx: AppContext, actor: Actor, orgId: string, input: unknown) {
  const { me } = await requireAccess(ctx, actor, 'programme:create', { org: orgId });
  const doc = parseProgrammeDocument(input);
  const id = await inTransaction(ctx, (tx) =>
    writeProgrammeDocument(tx.db, doc, { organizationId: orgId, memberId: me.id }),
  );
  return editableOutline(ctx, id);
}

/** A new draft copy of Waymark's starter programme, for the organisation to adapt. */
export async function startFromStarter(ctx: AppContext, actor: Actor, orgId: string) {
  return importProgramme(ctx, actor, orgId, starterProgramme satisfies z.input<typeof programmeDocument>);
}
