import { isDeepStrictEqual } from 'node:util';
import { describeItem, type GoalView, goalHasContent } from '../plans/index.js';
import type { AgreedChange } from './reviews.schema.js';

/*
 * What a learning agreement covers: the goals as written (wording, reasons, strategy, criteria, dates,
 * milestones, topics), the network and the sharing plan, and the plan's cycle and title. How the plan is going
 * is not part of it: progress, a status moving from idea to active to achieved, milestones ticked off, people
 * agreeing to help, shares recorded. Neither are reflections, which look back. A check-in that moves a goal
 * from 0 to 30 % therefore changes nothing that was agreed; dropping a goal does.
 */

type Content = Record<string, unknown> | null;
export interface Revision {
  entityType: string;
  entityId: string;
  before: Content;
  after: Content;
  updatedAt: Date;
}

/** Fields that record how the plan is going, per kind of item; every other field is what was agreed. */
const progressFields: Record<string, ReadonlySet<string>> = {
  goal: new Set(['progress', 'status']),
  network: new Set(['enlistment']),
  share: new Set(['records']),
};

/** Milestones as agreed: titles and dates, not whether they are done yet. */
const agreedMilestones = (v: unknown) =>
  Array.isArray(v) ? v.map(({ done: _done, ...milestone }: Record<string, unknown>) => milestone) : v;

const dropped = (c: Content) => c?.status === 'dropped';

/** The agreed fields that differ between two states of an item: none when only its progress moved. */
function agreedFieldsOf(entityType: string, before: Content, after: Content): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const progress = progressFields[entityType] ?? new Set<string>();
  const fields = [...keys].filter((key) => {
    if (progress.has(key)) return false;
    const [was, now] = [before?.[key], after?.[key]].map((v) => (key === 'milestones' ? agreedMilestones(v) : v));
    return !isDeepStrictEqual(was ?? null, now ?? null);
  });
  // Dropping a goal (or taking it up again) changes what was agreed, unlike its other status moves.
  if (entityType === 'goal' && dropped(before) !== dropped(after)) fields.push('status');
  return fields;
}

/** Whether an item added or removed after the agreement held anything (a blank new goal is not a change yet). */
const hasContent = (entityType: string, content: Content) =>
  content !== null && (entityType !== 'goal' || goalHasContent(content as GoalView));

/**
 * The changes to what was agreed, one per item: each item as it was at the agreement (the `before` of its
 * first later revision) against how it is now (the `after` of its last), so a goal edited three times is one
 * change, and a date moved and moved back is none. `revisions` are in the order they were made.
 */
export function agreedChanges(revisions: Revision[]): { changes: AgreedChange[]; last: Date | null } {
  const items = new Map<string, { entityType: string; entityId: string; agreed: Content; now: Content; at: Date }>();
  for (const r of revisions) {
    if (r.entityType === 'reflection') continue;
    const key = `${r.entityType}:${r.entityId}`;
    const seen = items.get(key);
    items.set(key, { ...r, agreed: seen ? seen.agreed : r.before, now: r.after, at: r.updatedAt });
  }
  const changes: AgreedChange[] = [];
  let last: Date | null = null;
  for (const { entityType, entityId, agreed, now, at } of items.values()) {
    const type = entityType as AgreedChange['entityType'];
    const had = hasContent(entityType, agreed);
    const has = hasContent(entityType, now);
    let change: AgreedChange | null = null;
    if (!had && has)
      change = { entityType: type, entityId, label: describeItem(type, now), action: 'added', fields: [] };
    else if (had && now === null) {
      change = { entityType: type, entityId, label: describeItem(type, agreed), action: 'removed', fields: [] };
    } else if (had) {
      const fields = agreedFieldsOf(entityType, agreed, now);
      if (fields.length > 0)
        change = { entityType: type, entityId, label: describeItem(type, now), action: 'changed', fields };
    }
    if (!change) continue;
    changes.push(change);
    if (!last || at > last) last = at;
  }
  return { changes, last };
}
