import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { logEntry } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { conflict, validationError } from '../../server/errors.js';
import { decodeCursor, isDay } from '../../server/keyset-cursor.js';
import { readThrough } from '../../server/read-cache.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { findLogEntry, goalOfMember, insertLogEntry, listGoalsOfMember, listSharesOfMember } from './log.repository.js';
import type { createLogBody, LogEntryView, listLogQuery, updateLogBody } from './log.schema.js';
import { logPageCache } from './log-page-cache.js';

type Found = NonNullable<Awaited<ReturnType<typeof findLogEntry>>>;

function viewOf({ entry, goal }: { entry: Found['entry']; goal: Found['goal'] | null }): LogEntryView {
  return {
    id: entry.id,
    organizationId: entry.organizationId,
    learnedOn: entry.learnedOn,
    what: entry.what,
    form: entry.form,
    source: entry.source,
    goal: goal?.id ? { id: goal.id, what: goal.what ?? '', planId: goal.planId ?? '', cycle: goal.cycle ?? '' } : null,
    version: entry.version,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** The goal an entry names must be one of the learner's own; answers it for the entry's view. */
async function checkGoal(ctx: AppContext, memberId: string, goalId: string | null | undefined) {
  if (!goalId) return null;
  const found = await goalOfMember(ctx.db, memberId, goalId);
  if (!found) throw validationError({ goalId: 'Choose one of your goals.' });
  return found;
}

/**
 * The id of the entry a capture key makes: a hash of the key and the person's membership, so a retry of the same
 * capture finds its entry, and the same key sent by someone else names another id (nobody can reach, or learn
 * of, another person's entry through a key).
 */
function entryIdFor(memberId: string, captureKey: string) {
  const hex = createHash('sha256').update(`waymark-log-capture\n${memberId}\n${captureKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Quick capture: something learned, in seconds. Only `what` is needed; the date defaults to today. With a
 * `captureKey`, the capture happens once: the same key again answers the entry it made (`created: false`),
 * whatever the second request says (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
export async function captureLearning(ctx: AppContext, actor: Actor, input: z.infer<typeof createLogBody>) {
  const { user, memberId } = await requireAccess(ctx, actor, 'log:capture', { org: input.organizationId });
  const id = input.captureKey ? entryIdFor(memberId, input.captureKey) : randomUUID();
  if (input.captureKey) {
    const made = await findLogEntry(ctx.db, id);
    if (made) return { created: false, entry: viewOf(made) };
  }
  const goal = await checkGoal(ctx, memberId, input.goalId);
  // One round trip for the common case: the entry comes back from the insert, its goal from the check above.
  const entry = await insertLogEntry(ctx.db, {
    id,
    organizationId: input.organizationId,
    memberId,
    userId: user.userId,
    learnedOn: input.learnedOn ?? today(),
    what: input.what,
    form: input.form ?? null,
    source: input.source ?? '',
    goalId: input.goalId ?? null,
  });
  if (!entry) {
    // The same capture's other request made it between our look and our insert.
    const made = await findLogEntry(ctx.db, id);
    if (!made) throw conflict('This capture was being logged at the same moment. Send it again.');
    return { created: false, entry: viewOf(made) };
  }
  await ctx.changes.announce({ kind: 'log', memberId });
  return { created: true, entry: viewOf({ entry, goal }) };
}

/**
 * The learner's log, filtered and searched, a page at a time (newest first), as the JSON of the page: built by
 * the database in the shape of `logPage` (see listLogPage), for the route to send as it is.
 */
export async function listMyLogJson(ctx: AppContext, actor: Actor, query: z.infer<typeof listLogQuery>) {
  const { memberId } = await requireAccess(ctx, actor, 'log:list', { org: query.orgId });
  if (query.from && query.to && query.from > query.to) {
    throw validationError({ to: 'The end date is before the start date.' });
  }
  const cursor = query.cursor ? decodeCursor(query.cursor, isDay) : undefined;
  const after = cursor && { learnedOn: cursor.position, id: cursor.id };
  const { goalId, form, from, to, limit } = query;
  const q = query.q || undefined;
  return readThrough(ctx, logPageCache, { memberId, goalId, form, from, to, q, after, limit });
}

export async function ownedEntry(ctx: AppContext, actor: Actor, entryId: string, action: 'log:read' | 'log:write') {
  const found = await findLogEntry(ctx.db, entryId);
  const { user } = await requireAccess(ctx, actor, action, { logEntry: found?.entry });
  return { user, found: found as Found };
}

export async function getLogEntry(ctx: AppContext, actor: Actor, entryId: string) {
  return viewOf((await ownedEntry(ctx, actor, entryId, 'log:read')).found);
}

/** Edits an entry; with a version, a stale edit gets 409 and the current entry. */
export async function updateLogEntry(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
  input: z.infer<typeof updateLogBody>,
) {
  const { found } = await ownedEntry(ctx, actor, entryId, 'log:write');
  const { version, ...changes } = input;
  if (version !== undefined && version !== found.entry.version) {
    throw conflict('This entry was changed elsewhere meanwhile.', undefined, { current: viewOf(found) });
  }
  await checkGoal(ctx, found.entry.memberId, changes.goalId);
  const written = await ctx.db
    .update(logEntry)
    .set({ ...changes, version: found.entry.version + 1, updatedAt: new Date() })
    .where(and(eq(logEntry.id, entryId), eq(logEntry.version, found.entry.version)))
    .returning({ id: logEntry.id });
  await ctx.changes.announce({ kind: 'log', memberId: found.entry.memberId });
  const now = await findLogEntry(ctx.db, entryId);
  if (written.length === 0 && now) {
    throw conflict('This entry was changed elsewhere meanwhile.', undefined, { current: viewOf(now) });
  }
  return viewOf(now as Found);
}

export async function deleteLogEntry(ctx: AppContext, actor: Actor, entryId: string) {
  const { found } = await ownedEntry(ctx, actor, entryId, 'log:write');
  await ctx.db.delete(logEntry).where(eq(logEntry.id, entryId));
  await ctx.changes.announce({ kind: 'log', memberId: found.entry.memberId });
}

/** The learner's goals in an organisation, across their plans, to name one when logging. */
export async function listMyGoals(ctx: AppContext, actor: Actor, orgId: string) {
  const { memberId } = await requireAccess(ctx, actor, 'goal:list', { org: orgId });
  const [goals, shares] = await Promise.all([
    listGoalsOfMember(ctx.db, memberId),
    listSharesOfMember(ctx.db, memberId),
  ]);
  return goals.map((g) => ({
    ...g,
    shares: shares
      .filter((s) => s.goalId === g.id)
      .map(({ id, how, audience, cadence }) => ({ id, how, audience, cadence })),
  }));
}
