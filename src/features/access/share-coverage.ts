import type { GrantRow } from './access.repository.js';

/*
 * What a learner's shares let someone see: the whole plan, whole parts, single goals. The access gate decides
 * with it which goals and reflections a person may read or comment on; the shared view and the review's list
 * of changes cut what they show with the same coverage.
 */

/** The parts a share may cover, named as the plan's routes name them. */
export const sharedParts = ['reflections', 'goals', 'network', 'shares'] as const;
export type SharedPart = (typeof sharedParts)[number];

/** What a set of active shares covers: the whole plan, whole parts, single goals. */
export interface Coverage {
  plan: boolean;
  parts: SharedPart[];
  goalIds: string[];
}

export function coverageOf(grants: Pick<GrantRow, 'scope' | 'part' | 'goalId'>[]): Coverage {
  const plan = grants.some((g) => g.scope === 'plan');
  const parts = sharedParts.filter((p) => grants.some((g) => g.scope === 'part' && g.part === p));
  const goalIds = [...new Set(grants.filter((g) => g.scope === 'goal' && g.goalId).map((g) => g.goalId as string))];
  return { plan, parts, goalIds };
}

/** A goal or reflection of a plan, as comments name what they are about. */
export type PlanItem = { kind: 'goal' | 'reflection'; id: string };

/** Whether a coverage includes a goal or reflection (a goal also by its own share; reflections only whole). */
export function covers(cover: Coverage, item: PlanItem): boolean {
  if (cover.plan) return true;
  if (item.kind === 'goal') return cover.parts.includes('goals') || cover.goalIds.includes(item.id);
  return cover.parts.includes('reflections');
}
