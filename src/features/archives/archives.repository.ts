import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { evidence, logEntry, memberArchive, plan, post } from '../../db/schema/index.js';

export type ArchiveRow = typeof memberArchive.$inferSelect;

/** The member's plans, oldest first (the order they were made in). */
export async function plansOfMember(db: Database, memberId: string) {
  return db.select({ id: plan.id }).from(plan).where(eq(plan.memberId, memberId)).orderBy(asc(plan.createdAt));
}

export async function evidenceOfPlan(db: Database, planId: string) {
  return db.select().from(evidence).where(eq(evidence.planId, planId)).orderBy(asc(evidence.createdAt));
}

export async function logOfMember(db: Database, memberId: string) {
  return db
    .select()
    .from(logEntry)
    .where(eq(logEntry.memberId, memberId))
    .orderBy(desc(logEntry.learnedOn), desc(logEntry.createdAt));
}

export async function postsOfMember(db: Database, memberId: string) {
  return db.select().from(post).where(eq(post.authorMemberId, memberId)).orderBy(desc(post.createdAt));
}

export async function insertArchive(db: Database, values: typeof memberArchive.$inferInsert) {
  await db.insert(memberArchive).values(values);
}

/** The person's archives still kept at `now`, newest first. */
export async function archivesOfUser(db: Database, userId: string, now: Date) {
  return db
    .select()
    .from(memberArchive)
    .where(and(eq(memberArchive.userId, userId), gt(memberArchive.eraseAfter, now)))
    .orderBy(desc(memberArchive.removedAt));
}

export async function findArchiveOfUser(db: Database, userId: string, archiveId: string, now: Date) {
  const [row] = await db
    .select()
    .from(memberArchive)
    .where(and(eq(memberArchive.id, archiveId), eq(memberArchive.userId, userId), gt(memberArchive.eraseAfter, now)))
    .limit(1);
  return row;
}

export async function markDownloaded(db: Database, archiveId: string, at: Date) {
  await db.update(memberArchive).set({ downloadedAt: at }).where(eq(memberArchive.id, archiveId));
}

/** The people removed from the organisation whose data is still kept: who, when, until when (never what). */
export async function archivesOfOrg(db: Database, orgId: string, now: Date) {
  return db
    .select({
      id: memberArchive.id,
      personName: memberArchive.personName,
      personEmail: memberArchive.personEmail,
      removedByName: memberArchive.removedByName,
      removedAt: memberArchive.removedAt,
      eraseAfter: memberArchive.eraseAfter,
    })
    .from(memberArchive)
    .where(and(eq(memberArchive.organizationId, orgId), gt(memberArchive.eraseAfter, now)))
    .orderBy(desc(memberArchive.removedAt));
}

/** Deletes archives whose time is up, returning them so their files can be erased too. */
export async function deleteExpiredArchives(db: Database, now: Date) {
  return db
    .delete(memberArchive)
    .where(lte(memberArchive.eraseAfter, now))
    .returning({ id: memberArchive.id, files: memberArchive.files });
}
