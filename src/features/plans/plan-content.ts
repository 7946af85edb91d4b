import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { membership } from '../../db/schema/index.js';
import type { PlanHistory, RevisionAction } from './plan-history.js';
import { type PartKind, partKinds, snapshotOf, tableOf } from './plan-parts.js';
import type { PlanRow } from './plans.repository.js';
import {
  goalFields,
  networkFields,
  type PlanView,
  cycle as planCycle,
  planTitle,
  reflectionFields,
  shareFields,
} from './plans.schema.js';

/*
 * A plan's content detached from any plan: what templates hold, what carry-forward copies and what the JSON
 * export contains. Item ids only link items to each other inside the content; inserting gives them new ids.
 */

const itemId = z.string().min(1).max(64);
const tooMany = (what: string, max: number) => ({ error: `Keep to ${max} ${what}.` });

export const planContent = z.object({
  reflections: z.array(reflectionFields.partial().extend({ id: itemId }), tooMany('reflections', 200)).max(200),
  goals: z.array(goalFields.partial().extend({ id: itemId }), tooMany('goals', 200)).max(200),
  network: z
    .array(networkFields.partial().required({ kind: true, name: true }).extend({ id: itemId }))
    .max(500, tooMany('network entries', 500)),
  shares: z
    .array(shareFields.partial().required({ how: true, cadence: true }).extend({ id: itemId }))
    .max(500, tooMany('sharing commitments', 500)),
});
export type PlanContent = z.infer<typeof planContent>;

/** The JSON export: complete, versioned, and accepted back by the import. */
export const planDocument = planContent
  .extend({
    format: z.literal('waymark-plan', { error: 'This is not a Waymark plan export.' }),
    formatVersion: z.literal(1, { error: 'This export format version is not supported.' }),
    exportedAt: z.iso.datetime().optional(),
    plan: z.object({ cycle: planCycle, title: planTitle.default('') }),
  })
  .meta({ id: 'PlanDocument' });
export type PlanDocument = z.infer<typeof planDocument>;

const contentKeys = { reflection: 'reflections', goal: 'goals', network: 'network', share: 'shares' } as const;

export function contentOf(view: PlanView): PlanContent {
  const strip = ({ version: _v, updatedAt: _u, ...rest }: { version: number; updatedAt: string }) => rest;
  return {
    reflections: view.reflections.map(strip) as PlanContent['reflections'],
    goals: view.goals.map(strip) as PlanContent['goals'],
    network: view.network.map(strip) as PlanContent['network'],
    shares: view.shares.map(strip) as PlanContent['shares'],
  };
}

export function toDocument(view: PlanView): PlanDocument {
  return {
    format: 'waymark-plan',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    plan: { cycle: view.cycle, title: view.title },
    ...contentOf(view),
  };
}

/** The unfinished goals of a plan, with the network entries and sharing commitments that serve them. */
export function unfinishedContent(view: PlanView): PlanContent {
  const goals = view.goals.filter((g) => g.status !== 'achieved' && g.status !== 'dropped');
  const kept = new Set(goals.map((g) => g.id));
  const content = contentOf({ ...view, reflections: [], goals });
  return {
    reflections: [],
    goals: content.goals.map((g) => ({ ...g, reflectionIds: [], carriedFromGoalId: g.id })),
    network: content.network
      .map((n) => ({ ...n, goalIds: (n.goalIds ?? []).filter((id) => kept.has(id)) }))
      .filter((n) => n.goalIds.length > 0),
    shares: content.shares.filter((s) => s.goalId && kept.has(s.goalId)).map((s) => ({ ...s, records: [] })),
  };
}

/**
 * Inserts content into a plan with fresh ids, re-pointing the links between items (links to items not in
 * the content are dropped) and each item recorded in the plan's history.
 */
export async function insertContent(
  tx: Database,
  plan: PlanRow,
  content: PlanContent,
  history: PlanHistory,
  action: RevisionAction,
) {
  const newIds = new Map<string, string>();
  for (const kind of partKinds) for (const item of content[contentKeys[kind]]) newIds.set(item.id, randomUUID());
  const mapIds = (ids: string[] | undefined) => (ids ?? []).flatMap((id) => newIds.get(id) ?? []);
  const members = await membersOfOrg(
    tx,
    plan.organizationId,
    content.network.flatMap((n) => n.memberId ?? []),
  );

  const relinked: Record<PartKind, Record<string, unknown>[]> = {
    reflection: content.reflections,
    goal: content.goals.map((g) => ({ ...g, reflectionIds: mapIds(g.reflectionIds) })),
    network: content.network.map((n) => ({
      ...n,
      goalIds: mapIds(n.goalIds),
      memberId: n.memberId && members.has(n.memberId) ? n.memberId : null,
    })),
    share: content.shares.map((s) => ({ ...s, goalId: (s.goalId && newIds.get(s.goalId)) ?? null })),
  };
  for (const kind of partKinds) {
    const items = relinked[kind];
    if (items.length === 0) continue;
    const rows = await tx
      .insert(tableOf(kind))
      .values(
        items.map((item, position) => ({
          ...item,
          id: newIds.get(item.id as string) as string,
          planId: plan.id,
          position,
        })) as never,
      )
      .returning();
    for (const row of rows) await history.record(kind, row.id, action, null, snapshotOf(kind, row));
  }
}

export async function membersOfOrg(tx: Database, orgId: string, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), inArray(membership.id, memberIds)));
  return new Set(rows.map((r) => r.id));
}
