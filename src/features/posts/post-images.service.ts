import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { postImage } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { cutText } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { imageExtensions, imageKindOfName, storeCheckedUpload } from '../evidence/index.js';

/** Images in posts: a photo of a whiteboard, a chart. Big enough for that, small enough for a feed. */
export const POST_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

const imageUrl = (id: string) => `/api/posts/images/${id}`;

/**
 * Stores an image for a post the member is writing. Checked as evidence files are (type by name and by
 * content, size, not empty); stored whole or not at all. Answers the Markdown that shows it.
 */
export async function uploadPostImage(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  receive: () => Promise<{ fileName: string; stream: Readable }>,
) {
  const { memberId } = await requireAccess(ctx, actor, 'post:upload-image', { org: orgId });
  const upload = await receive();
  const kind = imageKindOfName(upload.fileName);
  if (!kind) {
    upload.stream.resume();
    throw validationError({ file: `Add an image: ${imageExtensions.join(', ')}.` });
  }
  const id = randomUUID();
  const storageKey = `post-images/${orgId}/${id}`;
  const stored = await storeCheckedUpload(ctx.files, storageKey, upload.stream, kind, POST_IMAGE_MAX_BYTES);
  try {
    await ctx.db.insert(postImage).values({
      id,
      organizationId: orgId,
      uploaderMemberId: memberId,
      storageKey,
      fileName: cutText(upload.fileName, 255, ''),
      contentType: kind.contentType,
      byteSize: stored.byteSize,
    });
  } catch (err) {
    await ctx.files.delete(storageKey);
    throw err;
  }
  const alt = upload.fileName.replace(/\.[^.]+$/, '').replace(/[[\]]/g, '');
  return { id, url: imageUrl(id), markdown: `![${alt}](${imageUrl(id)})` };
}

/** The images a post's Markdown shows that its author uploaded and no post uses yet: they become the post's. */
export async function claimImages(db: Database, post: { id: string; authorMemberId: string; body: string }) {
  const ids = [...post.body.matchAll(/\/api\/posts\/images\/([0-9a-f-]{36})/g)].map((m) => m[1] as string);
  if (ids.length === 0) return;
  await db
    .update(postImage)
    .set({ postId: post.id })
    .where(
      and(inArray(postImage.id, ids), eq(postImage.uploaderMemberId, post.authorMemberId), isNull(postImage.postId)),
    );
}

/**
 * An image, for whoever may see it: its uploader, or anyone who may see the post showing it. Anyone else
 * gets 404, as for a post they may not see.
 */
export async function openPostImage(ctx: AppContext, actor: Actor, imageId: string) {
  const { image } = await requireAccess(ctx, actor, 'post:read-image', { postImage: imageId });
  const stream = await ctx.files.open(image.storageKey);
  if (!stream) throw notFound('Image');
  return { stream, contentType: image.contentType, byteSize: image.byteSize };
}
