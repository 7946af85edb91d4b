import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { cutText, oneLine } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { addEvidence } from '../evidence/index.js';
import { recordShareDone } from '../plans/index.js';
import { goalOfMember, listSharesOfMember } from './log.repository.js';
import type { logToEvidenceBody, logToShareBody } from './log.schema.js';
import { ownedEntry } from './log.service.js';

/*
 * What a log entry can become: evidence of a goal, or a share done for a sharing commitment. Both keep
 * the entry as it is and copy what was learned, its date and where it came from.
 */

const TITLE_LENGTH = 120;

const titleOf = (what: string) => cutText(oneLine(what), TITLE_LENGTH);

/** The entry as a note of evidence for its goal (or the one named), linked back to the entry. */
export async function logEntryToEvidence(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
  input: z.infer<typeof logToEvidenceBody>,
) {
  const { found } = await ownedEntry(ctx, actor, entryId, 'log:write');
  const goalId = input.goalId ?? found.entry.goalId;
  if (!goalId) throw validationError({ goalId: 'Choose the goal this is evidence of.' });
  const goal = await goalOfMember(ctx.db, found.entry.memberId, goalId);
  if (!goal) throw validationError({ goalId: 'Choose one of your goals.' });
  const { what, source, learnedOn } = found.entry;
  return addEvidence(
    ctx,
    actor,
    goal.planId,
    goal.id,
    {
      kind: 'note',
      title: titleOf(what),
      // The title already says what was learned, unless it had to be shortened.
      note: [titleOf(what) === what.trim() ? '' : what, source && `Learned from: ${source}`]
        .filter(Boolean)
        .join('\n\n'),
      occurredOn: learnedOn,
    },
    { logEntryId: entryId },
  );
}

/** The entry recorded as a share done for one of the learner's sharing commitments, on the day it was learned. */
export async function logEntryToShare(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
  input: z.infer<typeof logToShareBody>,
) {
  const { found } = await ownedEntry(ctx, actor, entryId, 'log:write');
  const share = (await listSharesOfMember(ctx.db, found.entry.memberId)).find((s) => s.id === input.shareId);
  if (!share) throw validationError({ shareId: 'Choose one of your sharing commitments.' });
  const { what, source, learnedOn } = found.entry;
  return recordShareDone(ctx, actor, share.planId, share.id, {
    doneOn: learnedOn,
    link: input.link ?? null,
    note: source ? `${what} (from ${source})` : what,
  });
}
