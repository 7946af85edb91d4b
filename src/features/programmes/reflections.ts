import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { createReflectionPost } from '../posts/index.js';
import type { EnrolmentView, ReflectionBody } from './enrolments.schema.js';
import { getEnrolment, writableThing } from './participation.service.js';
import { loadProgrammeOutline } from './programme-outline.js';
import { recordReflection } from './progress.js';

/*
 * A participant's reflection on a thing: a Waymark post (private, for chosen people, their cohort or the whole
 * organisation), or a link to a post on their own blog. Writing one again replaces it; an earlier post stays a
 * post of theirs.
 */

/** Words as people count them: runs of letters or digits (a hyphenated word is one). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Reflects on a released thing (which also marks it tried) and settles completion. */
export async function reflectOnThing(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  thingId: string,
  input: ReflectionBody,
  now = new Date(),
): Promise<EnrolmentView> {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:update', { enrolment: enrolmentId });
  const listed = await writableThing(ctx, enrolment, thingId, now);
  const outline = await loadProgrammeOutline(ctx.db, enrolment.programmeId);
  const thing = outline?.things.find((t) => t.id === thingId);
  if (!thing) throw validationError({ thingId: 'Choose a thing of this programme.' });

  if (input.kind === 'post') {
    const words = countWords(input.body);
    if (thing.minWords > 0 && words < thing.minWords) {
      throw validationError({ body: `At least ${thing.minWords} words: you have ${words}.` });
    }
    if (input.visibility === 'cohort' && !enrolment.cohortId) {
      throw validationError({ visibility: 'You take part on your own: share with chosen people or everyone instead.' });
    }
  }

  await inTransaction(ctx, async (txCtx) => {
    let postId: string | null = null;
    if (input.kind === 'post') {
      postId = await createReflectionPost(txCtx, actor, {
        organizationId: enrolment.organizationId,
        title: input.title || `Thing ${listed.number}: ${thing.title}`.slice(0, 200),
        body: input.body,
        visibility: input.visibility,
        cohortId: enrolment.cohortId,
        audience: input.audience,
      });
    }
    await recordReflection(ctx, actor, txCtx.db, {
      enrolmentId,
      thingId,
      postId,
      url: input.kind === 'link' ? input.url : null,
      title: input.kind === 'link' ? (input.title ?? null) : input.title || null,
      at: now,
    });
  });
  return getEnrolment(ctx, actor, enrolmentId, now);
}
