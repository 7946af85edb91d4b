import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { notify } from '../notifications/index.js';
import { loadProgrammeOutline } from '../programmes/index.js';
import { claimNudges, participantsOf } from './progress.repository.js';
import type { NudgeResult } from './progress.schema.js';
import { standingsAt } from './standing.js';

/*
 * An organiser's nudge: a kind word to participants, in the app and by e-mail (a reminder kind each person can
 * turn off, with its one-click unsubscribe), at most once a day per participant.
 */

/**
 * Nudges the chosen members (by default everyone behind) who take part and were not nudged in the last day.
 * The once-a-day check is made by the update that marks them (`lastNudgedAt`), so two clicks at once nudge
 * each person once; the notifications go out after it committed.
 */
export async function nudgeParticipants(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  memberIds: readonly string[] | undefined,
  now = new Date(),
): Promise<NudgeResult> {
  await requireAccess(ctx, actor, 'programme:nudge', { programme: programmeId });
  const [outline, participants] = await Promise.all([
    loadProgrammeOutline(ctx.db, programmeId),
    participantsOf(ctx.db, programmeId),
  ]);
  if (!outline) throw notFound('Programme');
  const standingOf = standingsAt(outline, now);
  const active = participants.filter((p) => p.status === 'active');
  const chosen = memberIds
    ? active.filter((p) => memberIds.includes(p.memberId))
    : active.filter((p) => standingOf(p).behind);
  const notTakingPart = memberIds ? new Set(memberIds).size - chosen.length : 0;

  const claimed = new Set(
    await claimNudges(
      ctx.db,
      chosen.map((p) => p.enrolmentId),
      now,
    ),
  );
  const { programme } = outline;
  for (const p of chosen.filter((c) => claimed.has(c.enrolmentId))) {
    await notify(ctx, {
      userId: p.userId,
      organizationId: programme.organizationId,
      kind: 'programme_nudge',
      title: `${programme.title}: whenever you are ready`,
      body: 'No rush — your organisers thought you might like a reminder of where you left off.',
      link: `/orgs/${programme.organizationId}/programmes/${programme.id}`,
      dedupeKey: `programme_nudge:${p.enrolmentId}:${now.toISOString()}`,
    });
  }
  // By name, so the organiser reads the same list however the participants were found.
  const nudgedToday = chosen
    .filter((c) => !claimed.has(c.enrolmentId))
    .map((c) => c.name)
    .sort((a, b) => a.localeCompare(b));
  return {
    nudged: claimed.size,
    skipped: { nudgedToday: nudgedToday.length, nudgedTodayNames: nudgedToday, notTakingPart },
  };
}
