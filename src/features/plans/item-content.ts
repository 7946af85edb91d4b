import type { GoalView, ReflectionView } from './plans.schema.js';

/*
 * Whether an item holds something the learner wrote or chose. A new reflection or goal starts empty (the
 * editor creates it at once so it can autosave); until the learner puts something in it, it is a blank card,
 * not an experience or a goal, and checklists must not count it. Pure, so the web app judges the same way.
 */

const filled = (s: string | null | undefined) => Boolean(s?.trim());

type Milestone = GoalView['milestones'][number];

/** A milestone counts once it has a title; "Add a milestone" gives an empty one to type into. */
export const milestoneHasContent = (m: Milestone) => filled(m.title);

export function reflectionHasContent(r: ReflectionView): boolean {
  return [r.what, r.happenedWhen, r.people, r.enjoyable, r.learnedAboutMe].some(filled) || r.form !== null;
}

/**
 * Status and progress are not content: a new goal has them from the start. Anything the learner wrote, a date,
 * a topic, a milestone with a title or a linked reflection is.
 */
export function goalHasContent(g: GoalView): boolean {
  return (
    [g.what, g.why, g.how, g.evidence, g.links].some(filled) ||
    g.startDate !== null ||
    g.targetDate !== null ||
    g.topics.length > 0 ||
    g.reflectionIds.length > 0 ||
    g.milestones.some(milestoneHasContent)
  );
}
