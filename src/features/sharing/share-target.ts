import type { Database } from '../../db/client.js';
import type { grantScopes } from '../../db/schema/sharing.js';
import type { FieldErrors } from '../../server/errors.js';
import { goalInPlan } from './sharing.repository.js';

/**
 * What a share points at — the whole plan, one part or one goal of this plan — checked the same way wherever
 * a share is made (a share of its own, the shares of a supervisor review). Field errors are named with
 * `prefix` ("share.2.") so a list of targets says which one is wrong.
 */
export async function checkShareTarget(
  db: Database,
  planId: string,
  input: { scope: (typeof grantScopes)[number]; part?: string | null; goalId?: string | null },
  prefix = '',
): Promise<{ part: string | null; goalId: string | null; fields: FieldErrors }> {
  const fields: FieldErrors = {};
  const part = input.scope === 'part' ? (input.part ?? null) : null;
  const goalId = input.scope === 'goal' ? (input.goalId ?? null) : null;
  if (input.scope === 'part' && !part) fields[`${prefix}part`] = 'Choose the part to share.';
  if (input.scope !== 'part' && input.part) fields[`${prefix}part`] = 'A part is only named when sharing one part.';
  if (input.scope === 'goal') {
    if (!goalId) fields[`${prefix}goalId`] = 'Choose the goal to share.';
    else if (!(await goalInPlan(db, planId, goalId)))
      fields[`${prefix}goalId`] = 'Choose one of the goals of this plan.';
  } else if (input.goalId) fields[`${prefix}goalId`] = 'A goal is only named when sharing one goal.';
  return { part, goalId, fields };
}
