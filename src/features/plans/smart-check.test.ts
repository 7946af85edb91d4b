import { describe, expect, it } from 'vitest';
import type { GoalView, NetworkView } from './plans.schema.js';
import { adviceToShow, checkGoal, defaultGoalExamples } from './smart-check.js';

/*
 * Each advice id is shown to appear on a goal with just that flaw and not on a well-formed goal, which must
 * get no advice at all.
 */

const today = '2027-02-01';

/** A well-formed SMART goal; tests override one field at a time. */
function goal(overrides: Partial<GoalView> = {}): GoalView {
  return {
    id: 'g1',
    version: 1,
    updatedAt: '2027-01-10T09:00:00.000Z',
    what: 'Run a 30-minute Kubernetes workshop for my team',
    why: 'Our team is moving to Kubernetes and I want to help others get going.',
    how: 'Work through the official tutorials and pair with our platform engineer every Friday.',
    evidence: 'I deliver the workshop and get feedback from at least five colleagues.',
    startDate: '2027-01-15',
    targetDate: '2027-04-10',
    links: '',
    reflectionIds: [],
    status: 'active',
    progress: 10,
    milestones: [],
    topics: ['kubernetes'],
    carriedFromGoalId: null,
    ...overrides,
  };
}

function entry(overrides: Partial<NetworkView> = {}): NetworkView {
  return {
    id: 'n1',
    version: 1,
    updatedAt: '2027-01-10T09:00:00.000Z',
    kind: 'person',
    name: 'Sam',
    relation: 'mentor',
    memberId: null,
    url: null,
    enlistment: 'agreed',
    notes: '',
    goalIds: ['g1'],
    ...overrides,
  };
}

const ids = (g: GoalView, network: NetworkView[] = []) => checkGoal(g, { network, today }).map((a) => a.id);

describe('checkGoal', () => {
  it('gives no advice for a well-formed goal', () => {
    expect(checkGoal(goal(), { network: [], today })).toEqual([]);
  });

  it('gives every advice a field, a severity, a message and a fix', () => {
    const advice = checkGoal(goal({ what: '', why: '', how: '', evidence: '', targetDate: null }), {
      network: [],
      today,
    });
    expect(advice.map((a) => a.id)).toEqual(['what-empty', 'no-evidence', 'no-target-date', 'no-strategy', 'no-why']);
    for (const a of advice) {
      expect(a.message.length).toBeGreaterThan(10);
      expect(a.fix.length).toBeGreaterThan(10);
    }
    expect(advice.find((a) => a.id === 'no-strategy')).toMatchObject({ field: 'network', severity: 'warning' });
    expect(advice.find((a) => a.id === 'no-why')).toMatchObject({ field: 'why', severity: 'suggestion' });
  });

  describe('what', () => {
    it('warns when it is empty', () => {
      expect(ids(goal({ what: '   ' }))).toEqual(['what-empty']);
    });

    it('suggests more words when it is very short', () => {
      expect(ids(goal({ what: 'Kubernetes' }))).toEqual(['what-too-short']);
      expect(ids(goal({ what: 'Learn Kubernetes' }))).toEqual(['what-too-short']);
    });

    it('flags vague verbs without an outcome', () => {
      expect(ids(goal({ what: 'Learn about Kubernetes networking' }))).toEqual(['what-vague']);
      expect(ids(goal({ what: 'Get better at public speaking' }))).toEqual(['what-vague']);
      expect(ids(goal({ what: 'Improve my SQL skills' }))).toEqual(['what-vague']);
      expect(ids(goal({ what: 'Know more about our billing system' }))).toEqual(['what-vague']);
    });

    it('accepts a vague verb tied to a concrete outcome', () => {
      expect(ids(goal({ what: 'Improve my SQL so I can build the monthly sales report' }))).toEqual([]);
      expect(ids(goal({ what: 'Understand our network well enough to debug outages alone' }))).toEqual([]);
      expect(ids(goal({ what: 'Get better at speaking and present at 2 meetups' }))).toEqual([]);
    });

    it('suggests splitting it when it is longer than 25 words', () => {
      const what =
        'Run a Kubernetes workshop for my team, and also write the deployment guide, mentor the new hires, ' +
        'review our monitoring setup and plan the migration of the billing service';
      expect(ids(goal({ what }))).toEqual(['what-too-long']);
    });
  });

  describe('evidence', () => {
    it('warns when it is empty', () => {
      const advice = checkGoal(goal({ evidence: '' }), { network: [], today });
      expect(advice.map((a) => a.id)).toEqual(['no-evidence']);
      expect(advice[0]?.fix).toContain('Say what you will be able to do, or what someone could see');
    });

    it('suggests a measurable signal when there is none', () => {
      expect(ids(goal({ evidence: 'I feel more confident with containers.' }))).toEqual(['evidence-not-measurable']);
      // Words that merely contain a short outcome verb do not count.
      expect(ids(goal({ evidence: 'My passion for leadership grows.' }))).toEqual(['evidence-not-measurable']);
    });

    it.each([
      'Score 80% on the practice exam',
      'I am able to set up a cluster alone',
      'Publish a post on the company blog',
      'Pass the CKA exam',
      'Certified Kubernetes Administrator',
      'Positive feedback from my manager',
      'Teach the basics to two new colleagues',
      'Lead the next platform retro',
      'Write the team runbook',
    ])('accepts "%s" as measurable', (evidence) => {
      expect(ids(goal({ evidence }))).toEqual([]);
    });
  });

  describe('strategy', () => {
    it('warns when there is no approach and no one linked', () => {
      expect(ids(goal({ how: '' }))).toEqual(['no-strategy']);
    });

    it('ignores network entries linked to other goals', () => {
      expect(ids(goal({ how: '' }), [entry({ goalIds: ['other'] })])).toEqual(['no-strategy']);
    });

    it('is satisfied by a linked network entry instead of an approach', () => {
      expect(ids(goal({ how: '' }), [entry()])).toEqual([]);
    });
  });

  it('suggests saying why', () => {
    const advice = checkGoal(goal({ why: ' ' }), { network: [], today });
    expect(advice).toEqual([expect.objectContaining({ id: 'no-why', severity: 'suggestion' })]);
  });

  describe('dates', () => {
    it('warns when there is no target date', () => {
      expect(ids(goal({ targetDate: null }))).toEqual(['no-target-date']);
    });

    it('warns when the target date has passed on an open goal', () => {
      expect(ids(goal({ startDate: '2026-11-15', targetDate: '2027-01-31' }))).toEqual(['target-date-past']);
      expect(ids(goal({ startDate: '2026-11-15', targetDate: '2027-01-31', status: 'paused' }))).toEqual([
        'target-date-past',
      ]);
    });

    it('asks for a new date before milestones when a long goal is overdue', () => {
      expect(ids(goal({ startDate: '2026-01-01', targetDate: '2027-01-31' }))).toEqual(['target-date-past']);
    });

    it('does not warn on the target date itself', () => {
      expect(ids(goal({ startDate: '2026-12-01', targetDate: today }))).toEqual([]);
    });

    it('warns when the start date is after the target date', () => {
      expect(ids(goal({ startDate: '2027-05-01', targetDate: '2027-04-10' }))).toEqual(['start-after-target']);
    });

    it.each(['achieved', 'dropped'] as const)('gives a %s goal no date advice', (status) => {
      expect(ids(goal({ status, targetDate: null }))).toEqual([]);
      expect(ids(goal({ status, startDate: '2026-01-01', targetDate: '2026-12-31' }))).toEqual([]);
      expect(ids(goal({ status, startDate: '2027-05-01', targetDate: '2027-04-10' }))).toEqual([]);
      expect(ids(goal({ status, targetDate: '2027-12-31' }))).toEqual([]);
    });
  });

  describe('milestones', () => {
    it('suggests milestones for a goal longer than three months', () => {
      const advice = checkGoal(goal({ targetDate: '2027-06-30' }), { network: [], today });
      expect(advice).toEqual([expect.objectContaining({ id: 'no-milestones', field: 'milestones' })]);
    });

    it('counts from today when there is no start date', () => {
      expect(ids(goal({ startDate: null, targetDate: '2027-04-30' }))).toEqual([]);
      expect(ids(goal({ startDate: null, targetDate: '2027-05-02' }))).toEqual(['no-milestones']);
    });

    it('is satisfied by any milestone', () => {
      const milestones = [{ id: 'm1', title: 'Finish the tutorials', dueDate: '2027-03-01', done: false }];
      expect(ids(goal({ targetDate: '2027-06-30', milestones }))).toEqual([]);
    });
  });
});

describe('what the SMART check shows', () => {
  const blank = goal({ what: '', why: '', how: '', evidence: '', startDate: null, targetDate: null, topics: [] });

  it('gives a new, empty goal one calm first step instead of five points at once', () => {
    const shown = adviceToShow(checkGoal(blank, { network: [], today }));
    expect(shown.map((a) => a.id)).toEqual(['what-empty']);
    expect(shown[0]?.message).toMatch(/^Start with what you want to learn/);
  });

  it('shows at most the two most useful pieces, dates that cannot be right before style', () => {
    const muddled = goal({
      what: 'Improve my skills',
      why: '',
      evidence: '',
      startDate: '2027-05-01',
      targetDate: '2027-04-10',
    });
    const advice = checkGoal(muddled, { network: [], today });
    expect(advice.length).toBeGreaterThan(2);
    expect(adviceToShow(advice).map((a) => a.id)).toEqual(['start-after-target', 'what-vague']);
  });

  it('quotes examples that fit any workplace, not software', () => {
    const fixes = checkGoal(goal({ what: 'Improve my skills', evidence: '' }), { network: [], today })
      .map((a) => a.fix)
      .join(' ');
    expect(fixes).toContain(defaultGoalExamples.specific);
    expect(fixes).not.toMatch(/kubernetes|sql|deploy|software|app\b/i);
  });

  it('quotes the organisation’s own examples when L&D adapted them', () => {
    const ward = {
      outcome: 'teach the new wound-care protocol at a ward huddle',
      vague: 'learn about wound care',
      specific: 'dress complex wounds on my own, signed off by the ward sister',
    };
    const advice = checkGoal(goal({ what: 'Learn about wound care', evidence: '' }), {
      network: [],
      today,
      examples: ward,
    });
    expect(advice.map((a) => a.fix)).toEqual([
      'Name the outcome: instead of ‘learn about wound care’, try ‘dress complex wounds on my own, signed off by the ward sister’.',
      'Say what you will be able to do, or what someone could see: e.g. ‘teach the new wound-care protocol at a ward huddle’.',
    ]);
  });

  it('does not count an empty milestone as a checkpoint', () => {
    const long = goal({ startDate: '2027-01-15', targetDate: '2027-12-31' });
    const untitled = [{ id: 'm1', title: '', dueDate: null, done: false }];
    expect(ids({ ...long, milestones: untitled })).toEqual(['no-milestones']);
  });
});
