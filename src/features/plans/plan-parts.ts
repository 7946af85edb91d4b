import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { goal, networkEntry, reflection, shareCommitment } from '../../db/schema/index.js';
import { cutText } from '../../server/text.js';
import { goalFields, networkFields, reflectionFields, shareFields } from './plans.schema.js';

/*
 * The four kinds of item a plan holds, described once so that creating, updating, deleting, recording history
 * and restoring work the same way for all of them.
 */
export const planParts = {
  reflection: { table: reflection, fields: reflectionFields, label: 'Reflection', path: 'reflections' },
  goal: { table: goal, fields: goalFields, label: 'Goal', path: 'goals' },
  network: { table: networkEntry, fields: networkFields, label: 'Network entry', path: 'network' },
  share: { table: shareCommitment, fields: shareFields, label: 'Sharing commitment', path: 'shares' },
} as const;

export type PartKind = keyof typeof planParts;
export const partKinds = Object.keys(planParts) as PartKind[];

/**
 * Every part table has these columns; queries written against this shape work on all four. (Drizzle cannot
 * express "any of these tables" generically, so the one cast lives here.)
 */
export type PartTable = typeof goal;
export const tableOf = (kind: PartKind) => planParts[kind].table as unknown as PartTable;

export type PartFields<K extends PartKind> = z.infer<(typeof planParts)[K]['fields']>;
/** A row of any part: its content fields plus the bookkeeping columns. */
export type PartRow = Record<string, unknown> & {
  id: string;
  planId: string;
  position: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** The content of an item, as history stores it: exactly the fields a learner edits, nothing else. */
export function snapshotOf(kind: PartKind, row: Record<string, unknown>): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const key of Object.keys(planParts[kind].fields.shape)) snapshot[key] = row[key] ?? null;
  return snapshot;
}

export type PartView<K extends PartKind> = PartFields<K> & { id: string; version: number; updatedAt: string };

/** An item as the API shows it. */
export function viewOf<K extends PartKind>(kind: K, row: PartRow): PartView<K> {
  const view = { ...snapshotOf(kind, row), id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString() };
  return view as PartView<K>;
}

/** A short name for an item in history and messages ("Goal: Run a workshop"). */
export function describeItem(kind: PartKind | 'plan', content: Record<string, unknown> | null): string {
  if (kind === 'plan') return 'Plan details';
  const part = planParts[kind];
  const name = [content?.what, content?.name, content?.detail, content?.audience].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  return name ? `${part.label}: ${cutText(name.trim(), 80, '')}` : part.label;
}

/** The fields that differ between two contents of an item (what one change altered). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  // Deep equality, not JSON text: jsonb hands objects back with their keys in its own order.
  return [...keys].filter((k) => !isDeepStrictEqual(before?.[k] ?? null, after?.[k] ?? null));
}
