import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { loadProgrammeOutline, recordReflection } from '../programmes/index.js';
import {
  deleteBlogFeed,
  findBlogFeed,
  findFeedItem,
  insertFeedItems,
  listFeedItems,
  markItemAccepted,
  participantName,
  saveBlogFeed,
} from './blog-feeds.repository.js';
import type { BlogStatusView, RegisterBlogBody } from './blog-feeds.schema.js';
import { FeedReadError } from './feed-fetch.js';
import { itemsFor, nextReadAfter, readFeedDocument } from './feed-reading.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The blog an enrolment registered: its feed's status and the programme posts found on it. The participant and
 * the programme's organisers may read it; only the participant may change it (`canChange`).
 */
export async function readBlogStatus(ctx: AppContext, actor: Actor, enrolmentId: string): Promise<BlogStatusView> {
  const { enrolment, isParticipant } = await requireAccess(ctx, actor, 'enrolment:read', { enrolment: enrolmentId });
  const [feed, items, outline, name] = await Promise.all([
    findBlogFeed(ctx.db, enrolment.id),
    listFeedItems(ctx.db, enrolment.id),
    loadProgrammeOutline(ctx.db, enrolment.programmeId),
    participantName(ctx.db, enrolment.userId),
  ]);
  return {
    enrolmentId: enrolment.id,
    programmeId: enrolment.programmeId,
    participantName: name,
    tag: outline?.programme.tag ?? '',
    canChange: isParticipant,
    feed: feed
      ? {
          feedUrl: feed.feedUrl,
          title: feed.title,
          siteUrl: feed.siteUrl,
          lastReadAt: iso(feed.lastReadAt),
          lastError: feed.lastError,
          lastErrorAt: iso(feed.lastErrorAt),
          nextReadAt: feed.nextReadAt.toISOString(),
        }
      : null,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      link: i.link,
      summary: i.summary,
      publishedAt: iso(i.publishedAt),
      thingId: i.thingId,
      accepted: i.accepted,
    })),
    things: (outline?.things ?? []).map((t, index) => ({ id: t.id, number: index + 1, title: t.title })),
  };
}

/**
 * Registers (or changes) the participant's blog feed. The address is read at once: one that is not a feed, or
 * cannot be reached, answers 400 naming `feedUrl` and why, and nothing is stored. The posts found are kept in
 * the same transaction as the feed, ready to be used as reflections.
 */
export async function registerBlog(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  body: RegisterBlogBody,
  now = new Date(),
): Promise<BlogStatusView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:register-blog', { enrolment: enrolmentId });
  let read: Awaited<ReturnType<typeof readFeedDocument>>;
  try {
    read = await readFeedDocument(ctx, body.feedUrl);
  } catch (err) {
    if (err instanceof FeedReadError) throw validationError({ feedUrl: err.message }, err.message);
    throw err;
  }
  // A first read is never conditional, so it always has a body.
  if (read.notModified) throw validationError({ feedUrl: 'Your blog did not send its feed.' });
  const outline = await loadProgrammeOutline(ctx.db, enrolment.programmeId);
  if (!outline) throw notFound('Enrolment');
  await inTransaction(ctx, async (tx) => {
    await saveBlogFeed(tx.db, {
      enrolmentId: enrolment.id,
      feedUrl: body.feedUrl.trim(),
      siteUrl: read.parsed.siteUrl,
      title: read.parsed.title,
      etag: read.etag,
      lastModified: read.lastModified,
      readAt: now,
      nextReadAt: nextReadAfter({ lastReadAt: now, createdAt: now }, now, false),
    });
    await insertFeedItems(tx.db, itemsFor(enrolment.id, read.parsed, outline, now));
  });
  return readBlogStatus(ctx, actor, enrolment.id);
}

/** Stops reading the participant's blog. The posts already found stay (reflections made from them stay too). */
export async function removeBlog(ctx: AppContext, actor: Actor, enrolmentId: string): Promise<void> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:register-blog', { enrolment: enrolmentId });
  if (!(await deleteBlogFeed(ctx.db, enrolment.id))) throw notFound('Blog');
}

/**
 * Uses a post found on the participant's blog as their reflection on a thing (the one it named, or another they
 * picked): the reflection and the post's mark are written in one transaction.
 */
export async function useItemAsReflection(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  itemId: string,
  thingId: string,
  now = new Date(),
): Promise<BlogStatusView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:register-blog', { enrolment: enrolmentId });
  const item = await findFeedItem(ctx.db, enrolment.id, itemId);
  if (!item) throw notFound('Blog post');
  const outline = await loadProgrammeOutline(ctx.db, enrolment.programmeId);
  if (!outline?.things.some((t) => t.id === thingId)) {
    throw validationError({ thingId: 'Pick one of this programme’s things.' });
  }
  await inTransaction(ctx, async (tx) => {
    await recordReflection(tx, actor, tx.db, {
      enrolmentId: enrolment.id,
      thingId,
      url: item.link,
      title: item.title || null,
      at: now,
    });
    await markItemAccepted(tx.db, item.id, thingId);
  });
  return readBlogStatus(ctx, actor, enrolment.id);
}
