import type { Database } from '../../db/client.js';
import type { enlistmentStates } from '../../db/schema/plans.js';
import { conflict } from '../../server/errors.js';
import type { PlanHistory } from '../plans/index.js';
import { findItem, snapshotOf, updateItem } from '../plans/index.js';

export type EntryState = (typeof enlistmentStates)[number];

/**
 * Moves a network entry's enlistment state as its request moves (asked, agreed, declined, ended), recorded in
 * the plan's history like any edit. Runs inside a plan write, so other writers wait on the plan's lock; an
 * autosave of the entry's notes does not take that lock, so a lost race on the version is simply tried again.
 */
export async function setEntryState(
  tx: Database,
  planId: string,
  entryId: string,
  state: EntryState,
  history: PlanHistory,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findItem(tx, 'network', planId, entryId);
    if (!current || current.enlistment === state) return;
    const updated = await updateItem(tx, 'network', entryId, current.version, { enlistment: state });
    if (updated) {
      await history.record(
        'network',
        entryId,
        'update',
        snapshotOf('network', current),
        snapshotOf('network', updated),
      );
      return;
    }
  }
  throw conflict('This network entry is being changed right now. Try again in a moment.');
}
