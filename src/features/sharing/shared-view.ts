import type { Coverage, SharedPart } from '../access/index.js';
import type { PlanView } from '../plans/index.js';

/**
 * The plan cut down to exactly what the coverage allows. A shared goal brings the network entries and
 * sharing commitments linked to it; links to items outside the cut are dropped, so not even their ids show.
 */
export function filterPlan(view: PlanView, cover: Coverage) {
  const whole = (part: SharedPart) => cover.plan || cover.parts.includes(part);
  const goalSet = new Set(cover.goalIds);

  const goals = whole('goals') ? view.goals : view.goals.filter((g) => goalSet.has(g.id));
  const visibleGoals = new Set(goals.map((g) => g.id));
  const reflections = whole('reflections') ? view.reflections : [];
  const visibleReflections = new Set(reflections.map((r) => r.id));
  const network = whole('network') ? view.network : view.network.filter((n) => n.goalIds.some((id) => goalSet.has(id)));
  const shares = whole('shares') ? view.shares : view.shares.filter((s) => s.goalId !== null && goalSet.has(s.goalId));

  return {
    reflections,
    goals: goals.map((g) => ({ ...g, reflectionIds: g.reflectionIds.filter((id) => visibleReflections.has(id)) })),
    network: network.map((n) => ({ ...n, goalIds: n.goalIds.filter((id) => visibleGoals.has(id)) })),
    shares: shares.map((s) => ({ ...s, goalId: s.goalId && visibleGoals.has(s.goalId) ? s.goalId : null })),
  };
}

/** How a read is recorded in the access log: the broadest thing read first. */
export function whatWasRead(cover: Coverage): string {
  if (cover.plan) return 'plan';
  return [...cover.parts.map((p) => `part:${p}`), ...cover.goalIds.map((id) => `goal:${id}`)].join(',');
}

const partLabels: Record<SharedPart, string> = {
  reflections: 'Reflections',
  goals: 'Goals',
  network: 'Network',
  shares: 'Sharing',
};
export const partLabel = (part: string) => partLabels[part as SharedPart] ?? part;

/** The access log's `what` for people, naming goals by what they say now (or "a deleted goal"). */
export function labelOfRead(what: string, goalNames: Map<string, string>): string {
  return what
    .split(',')
    .map((piece) => {
      if (piece === 'plan') return 'Whole plan';
      const [kind, ref = ''] = piece.split(':');
      if (kind === 'part') return partLabel(ref);
      if (kind === 'goal') {
        const name = goalNames.get(ref);
        return name === undefined ? 'Goal (deleted)' : `Goal: ${name || 'Untitled goal'}`;
      }
      return piece;
    })
    .join(', ');
}
