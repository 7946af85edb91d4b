import type { PlanView } from './plan-api';

/** One line of the map's key: a sample drawn as the map draws it (`swatch` is its CSS class) and what it means. */
export interface KeyEntry {
  swatch: string;
  meaning: string;
}

/**
 * The key to what the network map's colours and lines mean, for the kinds this plan shows: each kind of node has
 * its border colour (styles.css, `.map-node.*`), a line is "helps with", and a moving dashed line is a person
 * asked who has not answered yet (an animated edge in network-map.tsx).
 */
export function mapKey(plan: Pick<PlanView, 'goals' | 'network'>): KeyEntry[] {
  const kinds = new Set(plan.network.map((n) => n.kind));
  const entries: KeyEntry[] = [];
  if (plan.goals.length > 0) entries.push({ swatch: 'goal', meaning: 'A goal of this plan' });
  if (kinds.has('person')) entries.push({ swatch: 'person', meaning: 'A person' });
  if (kinds.has('community') || kinds.has('resource')) {
    entries.push({ swatch: 'resource', meaning: 'A community or a resource' });
  }
  const linked = plan.network.filter((n) => n.goalIds.length > 0);
  if (linked.some((n) => n.enlistment !== 'asked')) entries.push({ swatch: 'line', meaning: 'Helps with the goal' });
  if (linked.some((n) => n.enlistment === 'asked')) {
    entries.push({ swatch: 'line asked', meaning: 'Asked to help, no answer yet (a moving dashed line)' });
  }
  return entries;
}
