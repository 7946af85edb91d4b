import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess, revokeGrantsOfEntry } from '../access/index.js';
import { saveItemInOneStatement } from './plan-autosave.js';
import { membersOfOrg } from './plan-content.js';
import type { PlanHistory } from './plan-history.js';
import { type PartKind, type PartRow, planParts, snapshotOf, viewOf } from './plan-parts.js';
import {
  deleteItem,
  findItem,
  insertItem,
  listItems,
  nextPosition,
  type PlanRow,
  updateItem,
} from './plans.repository.js';
import { planChanged, writePlan } from './plans.service.js';

type Input = Record<string, unknown> & { version?: number };

/** Fields that point at other items or members: changes to them are checked, so they take the general path. */
const LINK_FIELDS = ['reflectionIds', 'goalIds', 'goalId', 'memberId'];

/** Links from one item to others must point inside the same plan (and members of the same organisation). */
async function checkLinks(tx: Database, plan: PlanRow, input: Input) {
  const ids = async (kind: PartKind) => new Set((await listItems(tx, kind, plan.id)).map((r) => r.id));
  const fields: Record<string, string> = {};
  const inPlan = async (field: string, kind: PartKind, values: unknown) => {
    const list = (Array.isArray(values) ? values : [values]).filter((v): v is string => typeof v === 'string');
    if (list.length === 0) return;
    const known = await ids(kind);
    if (list.some((id) => !known.has(id))) fields[field] = `Choose ${planParts[kind].path} of this plan.`;
  };
  if (input.reflectionIds !== undefined) await inPlan('reflectionIds', 'reflection', input.reflectionIds);
  if (input.goalIds !== undefined) await inPlan('goalIds', 'goal', input.goalIds);
  if (input.goalId !== undefined) await inPlan('goalId', 'goal', input.goalId);
  if (typeof input.memberId === 'string') {
    const members = await membersOfOrg(tx, plan.organizationId, [input.memberId]);
    if (!members.has(input.memberId)) fields.memberId = 'Choose a member of your organisation.';
  }
  if (Object.keys(fields).length > 0) throw validationError(fields);
}

const dedupe = (input: Input): Input => {
  const out = { ...input };
  for (const key of ['reflectionIds', 'goalIds'] as const) {
    if (Array.isArray(out[key])) out[key] = [...new Set(out[key] as string[])];
  }
  if (Array.isArray(out.topics)) {
    out.topics = [...new Map((out.topics as string[]).map((t) => [t.toLowerCase(), t])).values()];
  }
  return out;
};

/** Adds an item to one of the plan's parts, at the end. */
export async function createItem(ctx: AppContext, actor: Actor, planId: string, kind: PartKind, body: Input) {
  return writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const input = dedupe(body);
    await checkLinks(tx, plan, input);
    const row = await insertItem(tx, kind, {
      ...input,
      id: randomUUID(),
      planId,
      position: await nextPosition(tx, kind, planId),
    });
    await history.record(kind, row.id, 'create', null, snapshotOf(kind, row));
    return viewOf(kind, row);
  });
}

/**
 * Changes some fields of an item. The version edited must be sent; if the item changed since, nothing is
 * written and the answer is 409 with the current item, so the page can show both versions.
 */
export async function updateItemFields(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  kind: PartKind,
  id: string,
  body: Input,
) {
  const { version, ...input } = dedupe(body);
  if (version === undefined) throw validationError({ version: 'Send the version you edited.' });
  if (!LINK_FIELDS.some((field) => field in input)) {
    const { user, plan: owner } = await requireAccess(ctx, actor, 'plan:write', { plan: planId });
    const saved = await saveItemInOneStatement(ctx.db, {
      kind,
      planId,
      id,
      version,
      actorUserId: user.userId,
      fields: input,
    });
    if (saved) {
      // Nothing but this item (and the plan's revision number) changed: the plan's cache takes it in rather
      // than forgetting the plan.
      const itemAfter = { list: planParts[kind].path, item: saved.item, plan: saved.plan };
      await ctx.changes.announce({ ...planChanged(owner), itemAfter });
      return saved.item;
    }
  }
  return writePlan(ctx, actor, planId, async (tx, plan, history) => {
    await checkLinks(tx, plan, input);
    // Autosave's common case, typing on into the item last saved: the update checks the version itself and
    // the history merges, so the item need not be read first.
    const merging = history.merges(kind, id);
    const current = merging ? undefined : await findItem(tx, kind, planId, id);
    if (!merging && !current) throw notFound(planParts[kind].label);
    const updated = await updateItem(tx, kind, id, version, input);
    if (!updated) {
      const now = current ?? (await findItem(tx, kind, planId, id));
      if (!now) throw notFound(planParts[kind].label);
      throw conflict(`This ${planParts[kind].label.toLowerCase()} was changed elsewhere meanwhile.`, undefined, {
        current: viewOf(kind, now),
      });
    }
    await history.record(kind, id, 'update', current && snapshotOf(kind, current), snapshotOf(kind, updated));
    return viewOf(kind, updated);
  });
}

/** Removes an item; links to it from other items go too (all recorded, so a restore brings them back). */
export async function removeItem(ctx: AppContext, actor: Actor, planId: string, kind: PartKind, id: string) {
  await writePlan(ctx, actor, planId, async (tx, _plan, history) => {
    const current = await findItem(tx, kind, planId, id);
    if (!current) throw notFound(planParts[kind].label);
    await deleteWithLinks(tx, planId, kind, current, history);
  });
}

export async function deleteWithLinks(
  tx: Database,
  planId: string,
  kind: PartKind,
  row: PartRow,
  history: PlanHistory,
) {
  const unlink = async (from: PartKind, field: 'reflectionIds' | 'goalIds') => {
    for (const other of await listItems(tx, from, planId)) {
      const ids = other[field] as string[];
      if (!ids.includes(row.id)) continue;
      const updated = await updateItem(tx, from, other.id, other.version, {
        [field]: ids.filter((x) => x !== row.id),
      });
      if (updated) await history.record(from, other.id, 'update', snapshotOf(from, other), snapshotOf(from, updated));
    }
  };
  if (kind === 'reflection') await unlink('goal', 'reflectionIds');
  if (kind === 'goal') {
    await unlink('network', 'goalIds');
    for (const share of await listItems(tx, 'share', planId)) {
      if (share.goalId !== row.id) continue;
      await deleteItem(tx, 'share', share.id);
      await history.record('share', share.id, 'delete', snapshotOf('share', share), null);
    }
  }
  // An entry's enlistment requests go with it; the access an accepted one gave must not outlive it.
  if (kind === 'network') await revokeGrantsOfEntry(tx, row.id, new Date());
  await deleteItem(tx, kind, row.id);
  await history.record(kind, row.id, 'delete', snapshotOf(kind, row), null);
}

/** Marks a sharing commitment as done once more, with a link or a note. */
export async function recordShareDone(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  shareId: string,
  input: { doneOn?: string; link?: string | null; note?: string },
) {
  return writePlan(ctx, actor, planId, async (tx, _plan, history) => {
    const current = await findItem(tx, 'share', planId, shareId);
    if (!current) throw notFound('Sharing commitment');
    if (!input.link && !input.note?.trim()) {
      throw validationError({ link: 'Add a link to what you shared, or a note about it.' });
    }
    const records = [
      ...(current.records as unknown[]),
      {
        id: randomUUID(),
        doneOn: input.doneOn ?? new Date().toISOString().slice(0, 10),
        link: input.link ?? null,
        note: input.note?.trim() ?? '',
      },
    ];
    const updated = await updateItem(tx, 'share', shareId, current.version, { records });
    if (!updated) throw conflict('This sharing commitment was changed elsewhere meanwhile.');
    await history.record('share', shareId, 'update', snapshotOf('share', current), snapshotOf('share', updated));
    return viewOf('share', updated);
  });
}
