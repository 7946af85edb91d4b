import { goalHasContent, reflectionHasContent } from './item-content.js';
import type { PlanView } from './plans.schema.js';

/** One thing the guide asks of a part, and whether the plan does it yet. */
export interface GuideCheck {
  id: string;
  label: string;
  done: boolean;
}

const every = <T>(list: T[], test: (item: T) => boolean) => list.length > 0 && list.every(test);
const filled = (s: string | null | undefined) => Boolean(s?.trim());

/**
 * What is done and what is left in each of the four parts. Derived from the plan's content, never stored,
 * so it cannot disagree with what the learner sees. Blank reflections and goals (just added, nothing in them
 * yet) count for nothing: they neither tick "at least one" nor hold back "every".
 */
export function guideProgress(plan: PlanView): Record<1 | 2 | 3 | 4, GuideCheck[]> {
  const { network, shares } = plan;
  const reflections = plan.reflections.filter(reflectionHasContent);
  const goals = plan.goals.filter(goalHasContent);
  const live = goals.filter((g) => g.status !== 'dropped' && g.status !== 'achieved');
  const helped = (goalId: string) => network.some((n) => n.goalIds.includes(goalId));
  const sharedFor = (goalId: string) => shares.some((s) => s.goalId === goalId);
  return {
    1: [
      {
        id: 'reflection-added',
        label: 'Describe at least one enjoyable learning experience',
        done: reflections.some((r) => filled(r.what)),
      },
      {
        id: 'reflection-form',
        label: 'Say how each one happened (the form of learning)',
        done: every(reflections, (r) => r.form !== null),
      },
      {
        id: 'reflection-enjoyable',
        label: 'Say what made each one enjoyable',
        done: every(reflections, (r) => filled(r.enjoyable)),
      },
      {
        id: 'reflection-insight',
        label: 'Say what each tells you about how you learn best',
        done: every(reflections, (r) => filled(r.learnedAboutMe)),
      },
    ],
    2: [
      { id: 'goal-added', label: 'Set at least one goal', done: goals.some((g) => filled(g.what)) },
      { id: 'goal-why', label: 'Say why for every goal', done: every(goals, (g) => filled(g.why)) },
      { id: 'goal-how', label: 'Say how you will learn it', done: every(goals, (g) => filled(g.how)) },
      { id: 'goal-evidence', label: 'Say how you will know', done: every(goals, (g) => filled(g.evidence)) },
      { id: 'goal-when', label: 'Give every goal a target date', done: every(goals, (g) => g.targetDate !== null) },
      {
        id: 'goal-links',
        label: 'Link goals to past or future learning',
        done: every(goals, (g) => filled(g.links) || g.reflectionIds.length > 0),
      },
    ],
    3: [
      { id: 'network-added', label: 'Add a person, community or resource', done: network.length > 0 },
      {
        id: 'network-linked',
        label: 'Give every open goal someone or something to help',
        done: every(live, (g) => helped(g.id)),
      },
      {
        id: 'network-asked',
        label: 'Ask at least one person to help',
        done: network.some((n) => n.kind === 'person' && n.enlistment !== 'to_ask'),
      },
    ],
    4: [
      {
        id: 'share-per-goal',
        label: 'Plan how you will share each open goal',
        done: every(live, (g) => sharedFor(g.id)),
      },
      { id: 'share-success', label: 'Say what success looks like', done: every(shares, (s) => filled(s.success)) },
    ],
  };
}
