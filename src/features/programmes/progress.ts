import { and, eq, sql } from 'drizzle-orm';
import { commitScope } from '../../db/after-commit.js';
import type { Database } from '../../db/client.js';
import { programmeEnrolment, programmeProgress } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { awardAchievement } from '../badges/index.js';
import { notify } from '../notifications/index.js';
import { getLearnerSettings, localDate } from '../settings/index.js';
import { achieveProgrammeGoal } from './programme-goal.js';
import { loadProgrammeOutline, meetsCompletionRule, type ProgrammeRow, thingDone } from './programme-outline.js';

/*
 * Writing a participant's progress, by every path that can make it (marking a thing tried, a reflection written
 * in Waymark, a link to their own blog, a post read from their blog's feed), and settling completion after each,
 * so a programme completes the same way whichever path finished it. Callers check access and hold the transaction.
 */

export interface ReflectionInput {
  enrolmentId: string;
  thingId: string;
  /** A Waymark post the participant wrote for the thing… */
  postId?: string | null;
  /** …or a post on their own blog (typed in, or read from their blog's feed). */
  url?: string | null;
  title?: string | null;
  at: Date;
}

/** Marks a thing tried (or not tried any more: `tried: false` keeps a reflection but clears the mark). */
export async function recordTried(
  ctx: AppContext,
  actor: Actor,
  tx: Database,
  input: { enrolmentId: string; thingId: string; tried: boolean; at: Date },
): Promise<{ completedNow: boolean }> {
  await tx
    .insert(programmeProgress)
    .values({
      enrolmentId: input.enrolmentId,
      thingId: input.thingId,
      triedAt: input.tried ? input.at : null,
      updatedAt: input.at,
    })
    .onConflictDoUpdate({
      target: [programmeProgress.enrolmentId, programmeProgress.thingId],
      set: {
        triedAt: input.tried ? sql`coalesce(${programmeProgress.triedAt}, ${input.at})` : null,
        updatedAt: input.at,
      },
    });
  return settleCompletion(ctx, actor, tx, input.enrolmentId, input.at);
}

/** Records the reflection on a thing (which means it was tried), replacing an earlier one, then settles completion. */
export async function recordReflection(
  ctx: AppContext,
  actor: Actor,
  tx: Database,
  input: ReflectionInput,
): Promise<{ completedNow: boolean }> {
  const reflection = {
    reflectionPostId: input.postId ?? null,
    reflectionUrl: input.url ?? null,
    reflectionTitle: input.title ?? null,
    reflectedAt: input.at,
    updatedAt: input.at,
  };
  await tx
    .insert(programmeProgress)
    .values({ enrolmentId: input.enrolmentId, thingId: input.thingId, triedAt: input.at, ...reflection })
    .onConflictDoUpdate({
      target: [programmeProgress.enrolmentId, programmeProgress.thingId],
      set: { ...reflection, triedAt: sql`coalesce(${programmeProgress.triedAt}, ${input.at})` },
    });
  return settleCompletion(ctx, actor, tx, input.enrolmentId, input.at);
}

/**
 * Completes an active enrolment whose progress now meets the author's rule (every required thing and at least N
 * optional ones, each tried and reflected on). Returns whether it completed just now; completing twice is not
 * possible (the update is conditional on the status).
 */
export async function settleCompletion(
  ctx: AppContext,
  _actor: Actor,
  tx: Database,
  enrolmentId: string,
  at: Date,
): Promise<{ completedNow: boolean }> {
  const [enrolment] = await tx.select().from(programmeEnrolment).where(eq(programmeEnrolment.id, enrolmentId)).limit(1);
  // Every progress write ends here: its participant's "this week" is read afresh (participation-cache.ts).
  if (enrolment) await ctx.changes.announce({ kind: 'enrolment', enrolmentId, userId: enrolment.userId });
  if (enrolment?.status !== 'active') return { completedNow: false };
  const outline = await loadProgrammeOutline(tx, enrolment.programmeId);
  if (!outline) return { completedNow: false };
  const rows = await tx
    .select({
      thingId: programmeProgress.thingId,
      triedAt: programmeProgress.triedAt,
      reflectedAt: programmeProgress.reflectedAt,
    })
    .from(programmeProgress)
    .where(eq(programmeProgress.enrolmentId, enrolmentId));
  const done = new Set(rows.filter((r) => thingDone(r)).map((r) => r.thingId));
  if (!meetsCompletionRule(outline, done)) return { completedNow: false };
  const completed = await tx
    .update(programmeEnrolment)
    .set({ status: 'completed', completedAt: at, updatedAt: at })
    .where(and(eq(programmeEnrolment.id, enrolmentId), eq(programmeEnrolment.status, 'active')))
    .returning({ id: programmeEnrolment.id });
  if (completed.length === 0) return { completedNow: false };
  await afterCompletion(ctx, tx, enrolment, outline.programme, at);
  return { completedNow: true };
}

/**
 * What completing a programme brings, once (only the update that completed the enrolment gets here): the goal it
 * became in the learner's plan is achieved with the programme as evidence, the programme's badge is awarded (a
 * signed credential, in the same transaction), and the learner is told, after commit (a completion rolled back
 * tells no one).
 */
async function afterCompletion(
  ctx: AppContext,
  tx: Database,
  enrolment: typeof programmeEnrolment.$inferSelect,
  programme: ProgrammeRow,
  at: Date,
) {
  const { title } = programme;
  const { timeZone } = await getLearnerSettings(tx, enrolment.userId);
  await achieveProgrammeGoal(ctx, tx, enrolment, title, localDate(timeZone, at));
  if (programme.achievementId) {
    await awardAchievement(
      ctx,
      'system',
      { ...ctx, db: tx },
      { achievementId: programme.achievementId, memberIds: [enrolment.memberId], reason: `Completed ${title}.` },
    );
  }
  const notice = {
    userId: enrolment.userId,
    organizationId: enrolment.organizationId,
    kind: 'programme_completed',
    title: `You completed ${title}`,
    body: `Well done: you tried and reflected on everything ${title} asks. Your certificate is ready.`,
    link: `/orgs/${enrolment.organizationId}/programmes/${enrolment.programmeId}`,
    dedupeKey: `programme_completed:${enrolment.id}`,
  };
  const send = async () => {
    try {
      await notify(ctx, notice);
    } catch (err) {
      ctx.log.warn({ err }, 'programme completion notice could not be queued');
    }
  };
  const scope = commitScope();
  if (scope) scope.afterCommit.push(send);
  else await send();
}
