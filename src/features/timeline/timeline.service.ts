import type { AppContext } from '../../server/context.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { checkinsOfPlan } from '../checkins/index.js';
import { evidenceOfGoal, evidenceViewOf, ownerDownloadUrl } from '../evidence/index.js';
import { logEntriesOfGoal } from '../log/index.js';
import { findItem, listItems } from '../plans/index.js';
import type { TimelineItem } from './timeline.schema.js';

type ShareRecord = { id: string; doneOn: string; link: string | null; note: string };

/**
 * A goal's story so far: what was logged for it, its evidence, the check-ins that moved its progress and
 * the shares done for it, newest first (by day, then by when each was written down).
 */
export async function goalTimeline(ctx: AppContext, actor: Actor, planId: string, goalId: string) {
  const { plan } = await requireAccess(ctx, actor, 'plan:read', {
    plan: planId,
    goal: await findItem(ctx.db, 'goal', planId, goalId),
  });
  const [entries, evidence, checkins, shares] = await Promise.all([
    logEntriesOfGoal(ctx.db, plan.memberId, goalId),
    evidenceOfGoal(ctx.db, planId, goalId),
    checkinsOfPlan(ctx.db, planId),
    listItems(ctx.db, 'share', planId),
  ]);
  const items: TimelineItem[] = [
    ...entries.map((e) => ({
      type: 'log' as const,
      id: e.id,
      date: e.learnedOn,
      at: e.createdAt.toISOString(),
      what: e.what,
      form: e.form,
      source: e.source,
    })),
    ...evidence.map((e) => ({
      type: 'evidence' as const,
      id: e.id,
      date: e.occurredOn,
      at: e.createdAt.toISOString(),
      evidence: evidenceViewOf(e, ownerDownloadUrl),
    })),
    ...checkins.flatMap((c) => {
      const change = c.progress.find((p) => p.goalId === goalId);
      if (!change) return [];
      return [
        {
          type: 'checkin' as const,
          id: c.id,
          date: c.checkedOn,
          at: c.createdAt.toISOString(),
          progress: { from: change.from, to: change.to },
          answers: c.answers.filter((a) => a.answer.trim() !== ''),
        },
      ];
    }),
    ...shares
      .filter((s) => s.goalId === goalId)
      .flatMap((s) =>
        (s.records as ShareRecord[]).map((r) => ({
          type: 'share' as const,
          id: r.id,
          date: r.doneOn,
          at: s.updatedAt.toISOString(),
          shareId: s.id,
          how: String(s.how),
          audience: String(s.audience),
          link: r.link,
          note: r.note,
        })),
      ),
  ];
  items.sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
  return { items };
}
