import { and, asc, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmeBlogFeed, programmeEnrolment, programmeFeedItem, user } from '../../db/schema/index.js';

/* Queries of the blog feeds feature; each takes the database or the transaction it runs in. */

export type BlogFeedRow = typeof programmeBlogFeed.$inferSelect;
export type FeedItemRow = typeof programmeFeedItem.$inferSelect;
export type NewFeedItem = typeof programmeFeedItem.$inferInsert;

export async function findBlogFeed(db: Database, enrolmentId: string): Promise<BlogFeedRow | undefined> {
  const [row] = await db.select().from(programmeBlogFeed).where(eq(programmeBlogFeed.enrolmentId, enrolmentId));
  return row;
}

/** The participant's name, for organisers reading their blog's status. */
export async function participantName(db: Database, userId: string): Promise<string> {
  const [row] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return row?.name ?? '';
}

/** Registers (or replaces) an enrolment's blog feed as just read: the validators and the next read are fresh. */
export async function saveBlogFeed(
  db: Database,
  row: Pick<BlogFeedRow, 'enrolmentId' | 'feedUrl' | 'siteUrl' | 'title' | 'etag' | 'lastModified'> & {
    readAt: Date;
    nextReadAt: Date;
  },
): Promise<void> {
  const values = {
    feedUrl: row.feedUrl,
    siteUrl: row.siteUrl,
    title: row.title,
    etag: row.etag,
    lastModified: row.lastModified,
    lastReadAt: row.readAt,
    lastError: null,
    lastErrorAt: null,
    nextReadAt: row.nextReadAt,
    updatedAt: row.readAt,
  };
  await db
    .insert(programmeBlogFeed)
    .values({ enrolmentId: row.enrolmentId, createdAt: row.readAt, ...values })
    .onConflictDoUpdate({ target: programmeBlogFeed.enrolmentId, set: values });
}

export async function deleteBlogFeed(db: Database, enrolmentId: string): Promise<boolean> {
  const gone = await db
    .delete(programmeBlogFeed)
    .where(eq(programmeBlogFeed.enrolmentId, enrolmentId))
    .returning({ id: programmeBlogFeed.enrolmentId });
  return gone.length > 0;
}

/** A feed the job reads, with what it needs of the enrolment. */
export interface DueFeed {
  feed: BlogFeedRow;
  programmeId: string;
  organizationId: string;
  userId: string;
}

/**
 * Takes up to `limit` feeds due by `now` (participants still taking part) and moves their next read to
 * `leaseUntil` in the same statement, so another instance's run (or a run that overlaps this one) does not take
 * them too; reading them then sets the real next read. Rows another transaction holds are skipped.
 */
export async function claimDueFeeds(db: Database, now: Date, limit: number, leaseUntil: Date): Promise<DueFeed[]> {
  const due = db
    .select({ id: programmeBlogFeed.enrolmentId })
    .from(programmeBlogFeed)
    .innerJoin(programmeEnrolment, eq(programmeEnrolment.id, programmeBlogFeed.enrolmentId))
    .where(and(lte(programmeBlogFeed.nextReadAt, now), ne(programmeEnrolment.status, 'left')))
    .orderBy(asc(programmeBlogFeed.nextReadAt))
    .limit(limit)
    .for('update', { of: programmeBlogFeed, skipLocked: true });
  const claimed = await db
    .update(programmeBlogFeed)
    .set({ nextReadAt: leaseUntil })
    .where(inArray(programmeBlogFeed.enrolmentId, due))
    .returning();
  if (claimed.length === 0) return [];
  const enrolments = await db
    .select({
      id: programmeEnrolment.id,
      programmeId: programmeEnrolment.programmeId,
      organizationId: programmeEnrolment.organizationId,
      userId: programmeEnrolment.userId,
    })
    .from(programmeEnrolment)
    .where(
      inArray(
        programmeEnrolment.id,
        claimed.map((f) => f.enrolmentId),
      ),
    );
  const byId = new Map(enrolments.map((e) => [e.id, e]));
  return claimed.flatMap((feed) => {
    const e = byId.get(feed.enrolmentId);
    return e ? [{ feed, programmeId: e.programmeId, organizationId: e.organizationId, userId: e.userId }] : [];
  });
}

/** After a read that worked (or a 304): error cleared, validators kept, next read set. */
export async function recordReadSuccess(
  db: Database,
  enrolmentId: string,
  at: Date,
  nextReadAt: Date,
  found?: { title: string | null; siteUrl: string | null; etag: string | null; lastModified: string | null },
): Promise<void> {
  await db
    .update(programmeBlogFeed)
    .set({ lastReadAt: at, lastError: null, lastErrorAt: null, nextReadAt, updatedAt: at, ...found })
    .where(eq(programmeBlogFeed.enrolmentId, enrolmentId));
}

/** After a read that failed: the reason in words, and a later next read. */
export async function recordReadFailure(
  db: Database,
  enrolmentId: string,
  at: Date,
  error: string,
  nextReadAt: Date,
): Promise<void> {
  await db
    .update(programmeBlogFeed)
    .set({ lastError: error, lastErrorAt: at, nextReadAt, updatedAt: at })
    .where(eq(programmeBlogFeed.enrolmentId, enrolmentId));
}

/**
 * Keeps the posts not kept before: one already kept by guid, or by link (a feed that gave old posts new guids),
 * is left alone by the unique indexes. Answers the rows inserted now.
 */
export async function insertFeedItems(db: Database, items: NewFeedItem[]): Promise<FeedItemRow[]> {
  if (items.length === 0) return [];
  return db.insert(programmeFeedItem).values(items).onConflictDoNothing().returning();
}

export async function listFeedItems(db: Database, enrolmentId: string): Promise<FeedItemRow[]> {
  return db
    .select()
    .from(programmeFeedItem)
    .where(eq(programmeFeedItem.enrolmentId, enrolmentId))
    .orderBy(desc(sql`coalesce(${programmeFeedItem.publishedAt}, ${programmeFeedItem.createdAt})`))
    .limit(200);
}

export async function findFeedItem(
  db: Database,
  enrolmentId: string,
  itemId: string,
): Promise<FeedItemRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeFeedItem)
    .where(and(eq(programmeFeedItem.id, itemId), eq(programmeFeedItem.enrolmentId, enrolmentId)));
  return row;
}

export async function markItemAccepted(db: Database, itemId: string, thingId: string): Promise<void> {
  await db.update(programmeFeedItem).set({ thingId, accepted: true }).where(eq(programmeFeedItem.id, itemId));
}
