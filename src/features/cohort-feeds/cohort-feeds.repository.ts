import { and, desc, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  cohortFeedToken,
  membership,
  post,
  programmeBlogFeed,
  programmeEnrolment,
  programmeFeedItem,
  programmeProgress,
  programmeThing,
  user,
} from '../../db/schema/index.js';
import { visibleTo } from '../access/index.js';

/* Queries of the cohort feeds feature; each takes the database or the transaction it runs in. */

/** Makes (or replaces) the person's link to the cohort's feeds: one row per person and cohort. */
export async function saveFeedToken(db: Database, cohortId: string, userId: string, tokenHash: string, at: Date) {
  await db
    .insert(cohortFeedToken)
    .values({ cohortId, userId, tokenHash, createdAt: at })
    .onConflictDoUpdate({
      target: [cohortFeedToken.cohortId, cohortFeedToken.userId],
      set: { tokenHash, createdAt: at },
    });
}

export async function deleteFeedToken(db: Database, cohortId: string, userId: string): Promise<void> {
  await db
    .delete(cohortFeedToken)
    .where(and(eq(cohortFeedToken.cohortId, cohortId), eq(cohortFeedToken.userId, userId)));
}

/** When the person's current link to the cohort's feeds was made (undefined: they have none). */
export async function findFeedTokenMadeAt(db: Database, cohortId: string, userId: string) {
  const [row] = await db
    .select({ createdAt: cohortFeedToken.createdAt })
    .from(cohortFeedToken)
    .where(and(eq(cohortFeedToken.cohortId, cohortId), eq(cohortFeedToken.userId, userId)));
  return row?.createdAt;
}

/** Whose link a token is, and to which cohort: enough to ask the gate again as that person. */
export async function findFeedTokenHolder(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ cohortId: cohortFeedToken.cohortId, userId: user.id, name: user.name, email: user.email })
    .from(cohortFeedToken)
    .innerJoin(user, eq(user.id, cohortFeedToken.userId))
    .where(eq(cohortFeedToken.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * The cohort's reflections the viewer (member `viewerId` of organisation `orgId`) may read now, newest first:
 * posts shared with the cohort or the organisation (and visible to them by the one predicate every post read
 * uses), and links to participants' own blog posts. Never a post for "only me" or chosen people, and never
 * those of a participant who left. A link taken from the blog's feed carries that post's summary.
 */
export async function listFeedReflections(db: Database, cohortId: string, viewerId: string, orgId: string) {
  return db
    .select({
      enrolmentId: programmeEnrolment.id,
      thingId: programmeThing.id,
      thingTitle: programmeThing.title,
      author: user.name,
      reflectedAt: programmeProgress.reflectedAt,
      postId: post.id,
      postTitle: post.title,
      postHtml: post.html,
      postCreatedAt: post.createdAt,
      postEditedAt: post.editedAt,
      url: programmeProgress.reflectionUrl,
      urlTitle: programmeProgress.reflectionTitle,
      blogSummary: programmeFeedItem.summary,
    })
    .from(programmeProgress)
    .innerJoin(programmeEnrolment, eq(programmeEnrolment.id, programmeProgress.enrolmentId))
    .innerJoin(programmeThing, eq(programmeThing.id, programmeProgress.thingId))
    .innerJoin(user, eq(user.id, programmeEnrolment.userId))
    .leftJoin(post, eq(post.id, programmeProgress.reflectionPostId))
    .leftJoin(
      programmeFeedItem,
      and(
        eq(programmeFeedItem.enrolmentId, programmeEnrolment.id),
        eq(programmeFeedItem.link, programmeProgress.reflectionUrl),
      ),
    )
    .where(
      and(
        eq(programmeEnrolment.cohortId, cohortId),
        ne(programmeEnrolment.status, 'left'),
        isNotNull(programmeProgress.reflectedAt),
        or(
          and(
            isNotNull(post.id),
            // A cohort post counts only for the cohort it was shared with (not one its author was in before).
            sql`(${post.visibility} = 'organization' or (${post.visibility} = 'cohort' and ${post.cohortId} = ${cohortId}))`,
            visibleTo(viewerId, orgId),
          ),
          and(isNull(programmeProgress.reflectionPostId), isNotNull(programmeProgress.reflectionUrl)),
        ),
      ),
    )
    .orderBy(desc(programmeProgress.reflectedAt), desc(programmeEnrolment.id), desc(programmeThing.id))
    .limit(200);
}
export type FeedReflectionRow = Awaited<ReturnType<typeof listFeedReflections>>[number];

/** The blogs the cohort's participants (not those who left) registered, by name. */
export async function listCohortBlogs(db: Database, cohortId: string) {
  return db
    .select({
      name: user.name,
      feedUrl: programmeBlogFeed.feedUrl,
      siteUrl: programmeBlogFeed.siteUrl,
      title: programmeBlogFeed.title,
    })
    .from(programmeBlogFeed)
    .innerJoin(programmeEnrolment, eq(programmeEnrolment.id, programmeBlogFeed.enrolmentId))
    .innerJoin(membership, eq(membership.id, programmeEnrolment.memberId))
    .innerJoin(user, eq(user.id, programmeEnrolment.userId))
    .where(and(eq(programmeEnrolment.cohortId, cohortId), ne(programmeEnrolment.status, 'left')))
    .orderBy(user.name, programmeEnrolment.id);
}
export type CohortBlogRow = Awaited<ReturnType<typeof listCohortBlogs>>[number];
