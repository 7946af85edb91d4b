import type { NextStepKind } from './home.schema.js';

/** What the steps after the guide depend on. */
export interface FollowUpFacts {
  guideDone: boolean;
  /** The plan is shared with someone (a share the learner made, still active). */
  shared: boolean;
  /** A learning agreement was asked for or agreed. */
  reviewAsked: boolean;
  /** The learner has a supervisor to ask. */
  hasSupervisor: boolean;
  /** The learner chose a rhythm for check-ins. */
  checkinsSet: boolean;
}

/**
 * What to do with the plan once the guide is done, in the order the method takes them: learn out loud with
 * someone, agree the plan with the supervisor, then keep it alive with check-ins. Each only while not done,
 * and nothing before the guide is done (until then the next step is the guide's).
 */
export function nextStepsAfterGuide(f: FollowUpFacts): NextStepKind[] {
  if (!f.guideDone) return [];
  return [
    ...(f.shared ? [] : (['share_plan'] as const)),
    ...(f.reviewAsked || !f.hasSupervisor ? [] : (['ask_review'] as const)),
    ...(f.checkinsSet ? [] : (['set_checkins'] as const)),
  ];
}
