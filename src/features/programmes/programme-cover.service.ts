import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { imageKindOfName, storeCheckedUpload } from '../evidence/index.js';
import { touchProgramme } from './programmes.repository.js';
import { editableOutline } from './programmes.service.js';

/*
 * A programme's cover image: a PNG, JPEG or WebP stored through the files seam (as evidence and post images
 * are), checked by name and by content. The key ends in `_<extension>` (file keys take no dots), which gives
 * its type back.
 */

export const COVER_MAX_BYTES = 2 * 1024 * 1024;
const coverTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};
const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

/** Stores a new cover (organisers only) and lets go of the old one once the programme points at the new. */
export async function setProgrammeCover(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  receive: () => Promise<{ fileName: string; stream: Readable }>,
) {
  const { programme } = await requireAccess(ctx, actor, 'programme:edit', { programme: programmeId });
  const upload = await receive();
  const ext = extensionOf(upload.fileName);
  const kind = coverTypes[ext] && imageKindOfName(upload.fileName);
  if (!kind) {
    upload.stream.resume();
    throw validationError({ file: 'A cover is a PNG, JPEG or WebP image.' });
  }
  const key = `programme-covers/${programme.organizationId}/${programmeId}/${randomUUID()}_${ext.slice(1)}`;
  await storeCheckedUpload(ctx.files, key, upload.stream, kind, COVER_MAX_BYTES);
  try {
    await touchProgramme(ctx, programmeId, { coverImageKey: key });
  } catch (err) {
    await ctx.files.delete(key);
    throw err;
  }
  if (programme.coverImageKey) await ctx.files.delete(programme.coverImageKey);
  return editableOutline(ctx, programmeId);
}

/** The cover, for whoever may see the programme (its organisation's members once published; organisers always). */
export async function openProgrammeCover(ctx: AppContext, actor: Actor, programmeId: string) {
  const { programme } = await requireAccess(ctx, actor, 'programme:read', { programme: programmeId });
  const key = programme.coverImageKey;
  const stream = key ? await ctx.files.open(key) : undefined;
  if (!key || !stream) throw notFound('Cover');
  return { stream, contentType: coverTypes[`.${/_(\w+)$/.exec(key)?.[1]}`] ?? 'application/octet-stream' };
}
