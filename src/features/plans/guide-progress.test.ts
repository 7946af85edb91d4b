import { describe, expect, it } from 'vitest';
import { guideProgress } from './guide-progress.js';
import type { GoalView, PlanView, ReflectionView } from './plans.schema.js';

/* What a fresh "Add a reflection" / "Add a goal" creates: every field empty, as the API returns it. */
const item = { version: 1, updatedAt: '2027-01-04T10:00:00.000Z' };
const blankReflection = (id: string): ReflectionView => ({
  ...item,
  id,
  what: '',
  happenedWhen: '',
  form: null,
  people: '',
  enjoyable: '',
  learnedAboutMe: '',
});
const blankGoal = (id: string): GoalView => ({
  ...item,
  id,
  what: '',
  why: '',
  how: '',
  evidence: '',
  startDate: null,
  targetDate: null,
  links: '',
  reflectionIds: [],
  status: 'idea',
  progress: 0,
  milestones: [],
  topics: [],
  carriedFromGoalId: null,
});

function plan(content: Partial<Pick<PlanView, 'reflections' | 'goals' | 'network' | 'shares'>>): PlanView {
  return {
    id: 'p1',
    organizationId: 'o1',
    memberId: 'm1',
    cycle: '2027',
    title: '',
    templateId: null,
    carriedFromPlanId: null,
    guide: { part: 1, step: 0 },
    version: 1,
    revision: 1,
    closedAt: null,
    createdAt: item.updatedAt,
    updatedAt: item.updatedAt,
    reflections: [],
    goals: [],
    network: [],
    shares: [],
    ...content,
  };
}
const done = (p: PlanView, part: 1 | 2 | 3 | 4) =>
  guideProgress(p)
    [part].filter((c) => c.done)
    .map((c) => c.id);

describe('the guide checklists', () => {
  it('tick nothing for a blank new reflection or goal', () => {
    const blank = plan({ reflections: [blankReflection('r1')], goals: [blankGoal('g1')] });
    expect(done(blank, 1)).toEqual([]);
    expect(done(blank, 2)).toEqual([]);
    expect(done(blank, 4)).toEqual([]);
  });

  it('tick "at least one" once the reflection or goal says what it is', () => {
    const written = plan({
      reflections: [{ ...blankReflection('r1'), what: 'Ran the summer reading club' }],
      goals: [{ ...blankGoal('g1'), what: 'Run a 30-minute workshop' }],
    });
    expect(done(written, 1)).toEqual(['reflection-added']);
    expect(done(written, 2)).toEqual(['goal-added']);
  });

  it('do not count a goal with only an empty milestone, and keep a blank card from holding back the rest', () => {
    const emptyMilestone = { id: 'm1', title: ' ', dueDate: null, done: false };
    expect(done(plan({ goals: [{ ...blankGoal('g1'), milestones: [emptyMilestone] }] }), 2)).toEqual([]);

    const complete: GoalView = {
      ...blankGoal('g1'),
      what: 'Run a 30-minute workshop',
      why: 'My team asked',
      how: 'Pair with Sam',
      evidence: 'Ten colleagues attend',
      targetDate: '2027-06-30',
      links: 'Builds on the reading club',
    };
    const withBlank = plan({ goals: [complete, blankGoal('g2')] });
    expect(done(withBlank, 2)).toEqual([
      'goal-added',
      'goal-why',
      'goal-how',
      'goal-evidence',
      'goal-when',
      'goal-links',
    ]);
  });
});
