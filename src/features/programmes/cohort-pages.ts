import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { getPost, type PostView } from '../posts/index.js';
import { cohortParticipantsWithCounts, cohortReflectionsOn } from './enrolments.repository.js';
import type { cohortParticipants, cohortReflections } from './enrolments.schema.js';
import { loadProgrammeOutline } from './programme-outline.js';

/*
 * A cohort's pages, for its participants and the programme's organisers: what participants shared on a thing
 * (as posts, through the posts feature, so comments and reactions work there too) and who takes part with how
 * far they are. Private reflections and reflections shared with chosen people never appear here.
 */

/** The reflections on one thing that the cohort's participants shared with the cohort or the organisation. */
export async function listCohortReflections(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  thingId: string,
): Promise<z.infer<typeof cohortReflections>> {
  const { cohort } = await requireAccess(ctx, actor, 'cohort:read-reflections', { cohort: cohortId });
  const outline = await loadProgrammeOutline(ctx.db, cohort.programmeId);
  const index = outline?.things.findIndex((t) => t.id === thingId) ?? -1;
  const thing = outline?.things[index];
  if (!thing) throw notFound('Thing');
  const rows = await cohortReflectionsOn(ctx.db, cohortId, thingId);
  const posts: PostView[] = [];
  for (const row of rows) {
    if (!row.postId || (row.postVisibility !== 'cohort' && row.postVisibility !== 'organization')) continue;
    // The posts feature decides what the viewer sees of each (and answers 404 for what they may not).
    try {
      posts.push(await getPost(ctx, actor, row.postId));
    } catch (err) {
      if ((err as { code?: string }).code !== 'not_found') throw err;
    }
  }
  const links = rows.flatMap((r) =>
    !r.postId && r.url && r.at ? [{ name: r.name, url: r.url, title: r.title, at: r.at.toISOString() }] : [],
  );
  return { thing: { id: thing.id, number: index + 1, title: thing.title }, posts, links };
}

/** Who takes part in a cohort, with how many things each has done; for its participants and organisers. */
export async function listCohortParticipants(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
): Promise<z.infer<typeof cohortParticipants>> {
  const { cohort } = await requireAccess(ctx, actor, 'cohort:read-reflections', { cohort: cohortId });
  const outline = await loadProgrammeOutline(ctx.db, cohort.programmeId);
  const rows = await cohortParticipantsWithCounts(ctx.db, cohortId);
  return {
    cohort: { id: cohort.id, name: cohort.name, startsOn: cohort.startsOn, programmeId: cohort.programmeId },
    totalCount: outline?.things.length ?? 0,
    participants: rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      doneCount: r.doneCount,
      completed: r.status === 'completed',
    })),
  };
}
