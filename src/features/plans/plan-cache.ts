import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Database } from '../../db/client.js';
import type { ItemAfter } from '../../server/changes.js';
import { defineReadCache } from '../../server/read-cache.js';
import type { PlanOwnership } from '../access/index.js';
import { viewOf } from './plan-parts.js';
import { findPlanWithItems } from './plans.repository.js';
import { type PlanView, planView } from './plans.schema.js';

/** A plan as read whole: served from the cache as it is, already serialised and compressed. */
export interface CachedPlan {
  ownership: PlanOwnership;
  view: PlanView;
  /** The view serialised once (on first read), so a read of an unchanged plan costs no serialisation. */
  readonly json: string;
  /** Changes whenever the content does (autosaves that merge into history leave the plan row untouched). */
  readonly etag: string;
  /**
   * The JSON compressed, made on the first read that asks for that encoding and kept with the entry: a plan
   * read once after each autosave costs one compression, not two, and nothing is compressed on the write's path.
   */
  compressed(encoding: 'br' | 'gzip'): Buffer;
}

/** The whole plan as its owner sees it, straight from the database (no access check: callers make theirs). */
export async function loadPlanView(db: Database, planId: string) {
  const found = await findPlanWithItems(db, planId);
  if (!found) return undefined;
  const { row, items } = found;
  // Parsing once here checks the view against its schema, as the route's serialiser would on every request.
  const view = planView.parse({
    id: row.id,
    organizationId: row.organizationId,
    memberId: row.memberId,
    cycle: row.cycle,
    title: row.title,
    templateId: row.templateId,
    carriedFromPlanId: row.carriedFromPlanId,
    guide: { part: row.guidePart, step: row.guideStep },
    version: row.version,
    revision: row.revisionSeq,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reflections: items.reflection.map((r) => viewOf('reflection', r)),
    goals: items.goal.map((r) => viewOf('goal', r)),
    network: items.network.map((r) => viewOf('network', r)),
    shares: items.share.map((r) => viewOf('share', r)),
  });
  return { row, view };
}

export async function loadPlan(db: Database, planId: string): Promise<CachedPlan | undefined> {
  const loaded = await loadPlanView(db, planId);
  return loaded && cachedPlanOf(loaded.row, loaded.view);
}

/**
 * A plan's cache entry. Its text, ETag and compressed forms are made on the first read that needs them, not
 * when the entry is made: an autosave updates the entry (withItem) and the next autosave may replace it before
 * anyone reads it, so nothing is serialised on the write's path.
 */
function cachedPlanOf(ownership: PlanOwnership, view: PlanView): CachedPlan {
  let json: string | undefined;
  let etag: string | undefined;
  const made: { br?: Buffer; gzip?: Buffer } = {};
  const plan: CachedPlan = {
    ownership,
    view,
    get json() {
      json ??= JSON.stringify(view);
      return json;
    },
    get etag() {
      etag ??= `"${createHash('sha1').update(plan.json).digest('base64url')}"`;
      return etag;
    },
    compressed(encoding) {
      // Fast settings: most entries are read once before the next autosave changes them. On a plan of 5 KB
      // brotli 3 takes 28 µs for 869 bytes where brotli 5 took 88 µs for 810 (gzip 3 about the same as brotli 3).
      made[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(plan.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } })
          : gzipSync(plan.json, { level: 3 });
      return made[encoding];
    },
  };
  return plan;
}

const listsOfItems = { reflections: true, goals: true, network: true, shares: true } as const;
type ItemList = keyof typeof listsOfItems;

/**
 * The cached plan with one item as a write left it: what a rebuild from the database would give, made from
 * the copy (the item parsed as the plan's schema parses it, so its text and ETag are the same). Undefined
 * where the copy cannot take it (no such item: forget the plan and read it again).
 */
export function withItem(plan: CachedPlan, { list, item, plan: after }: ItemAfter): CachedPlan | undefined {
  if (!Object.hasOwn(listsOfItems, list)) return undefined;
  const items = plan.view[list as ItemList] as { id: string; version: number }[];
  const at = items.findIndex((i) => i.id === item.id);
  if (at < 0) return undefined;
  // The copy already shows this write (it was read after it) or a later one.
  if ((items[at] as { version: number }).version >= item.version) return plan;
  // The copy shows a later revision than this write made, with an older copy of this item: heard out of order.
  if (plan.view.revision > after.revision) return undefined;
  const parsed = planView.shape[list as ItemList].element.safeParse(item);
  if (!parsed.success) return undefined;
  const view = {
    ...plan.view,
    revision: after.revision,
    updatedAt: after.updatedAt,
    [list]: items.with(at, parsed.data),
  };
  return cachedPlanOf(plan.ownership, view);
}

/** Whole plans by id, as their owner sees them; forgotten by every write to the plan, on every instance. */
export const planCache = defineReadCache<string, CachedPlan | undefined>({
  name: 'plans',
  ttlMs: 10_000,
  maxEntries: 2_000,
  keyOf: (planId) => planId,
  load: (ctx, planId) => loadPlan(ctx.db, planId),
  forgets: {
    plan: (change, cache) =>
      change.itemAfter && !change.removed
        ? cache.update(change.planId, (plan) => plan && withItem(plan, change.itemAfter as ItemAfter))
        : cache.forget(change.planId),
  },
});
