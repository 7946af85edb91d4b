import { addMonths, isAfter, isBefore, isValid, parseISO } from 'date-fns';
import { milestoneHasContent } from './item-content.js';
import type { GoalView, NetworkView } from './plans.schema.js';

/*
 * Friendly SMART advice for a learning goal. It only advises: nothing here blocks saving, because a goal is
 * often written in several sittings and a half-finished goal is normal. Pure (no Node APIs) so the web app
 * can show the same advice as it is typed.
 */

/** One piece of advice about a goal: what looks vague and a concrete way to sharpen it. */
export type SmartAdvice = {
  /** Stable key, e.g. 'no-target-date'; the web app uses it to dismiss or translate advice. */
  id: string;
  /** The goal field the advice is about, or 'network' when linking a helper would fix it. */
  field: keyof GoalView | 'network';
  severity: 'suggestion' | 'warning';
  /** What is vague, in plain words. */
  message: string;
  /** A concrete suggestion how to fix it. */
  fix: string;
};

/**
 * Examples the advice quotes, in the organisation's own terms: L&D adapts them with the guide, so a ward
 * nurse reads about wound care rather than software. `vague` and `specific` are the same goal before and
 * after sharpening; `outcome` is a result someone could see.
 */
export type GoalExamples = { outcome: string; vague: string; specific: string };

/** Examples that fit most workplaces, for organisations that have not adapted them. */
export const defaultGoalExamples: GoalExamples = {
  outcome: 'run a 30-minute workshop for my team',
  vague: 'learn about giving feedback',
  specific: 'give each person in my team useful feedback in our monthly one-to-ones',
};

/** What the checks need beyond the goal: the plan's network, today's date (YYYY-MM-DD), and the examples to quote. */
export type SmartCheckContext = { network: NetworkView[]; today: string; examples?: GoalExamples };

/** The context with dates parsed once, so each check stays a one-liner. */
type Facts = {
  network: NetworkView[];
  today: Date;
  start: Date | null;
  target: Date | null;
  /** Achieved and dropped goals are finished: their dates no longer need attention. */
  open: boolean;
};

/** A row of the rules table: the advice to give (its fix may quote the examples) and the check that decides. */
type Rule = Omit<SmartAdvice, 'fix'> & {
  fix: string | ((examples: GoalExamples) => string);
  applies: (goal: GoalView, facts: Facts) => boolean;
};

const MAX_WHAT_WORDS = 25;
const MIN_WHAT_WORDS = 3;
/** Beyond this many months a goal is hard to track without checkpoints. */
const MILESTONE_HORIZON_MONTHS = 3;

/** Verbs that describe an activity rather than a result one could reach. */
const vaguePhrase =
  /\b(learn(ing)? (more )?about|get(ting)? better at|be(come)? better at|improv(e|es|ing)|understand(ing)?|know(ing)? more about|familiari[sz]e (myself )?with)\b/i;
/*
 * Signals that someone could check the result: a number or date, a count in words, or an outcome verb.
 * Short verbs are matched as whole words so 'passion', 'random' or 'leadership' do not count as outcomes.
 */
const measurableSignal =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twice|dozen)\b|\bable to\b|\bfeedback from\b|\b(deliver|publish|present|complet|build|built|writ|wrote|teach|taught|certif|launch)|\b(pass(es|ed|ing)?|lead(s|ing)?|led|run(s|ning)?|ran|ship(s|ped|ping)?|demo(s|ed)?)\b/i;
/** Phrases that tie a vague verb to an outcome, e.g. 'understand X well enough to debug Y'. */
const outcomeLink = /\b(so (that )?(i|we) (can|could)|enough to|in order to)\b/i;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const isBlank = (text: string) => text.trim() === '';

function toDate(value: string | null): Date | null {
  if (!value) return null;
  const date = parseISO(value);
  return isValid(date) ? date : null;
}

// The checks, one named predicate each; the table below pairs them with their advice.

const whatIsEmpty = (goal: GoalView) => isBlank(goal.what);

function whatIsTooShort(goal: GoalView) {
  const count = words(goal.what).length;
  return count > 0 && count < MIN_WHAT_WORDS;
}

function whatIsVague(goal: GoalView) {
  if (words(goal.what).length < MIN_WHAT_WORDS) return false; // too short already says it
  return vaguePhrase.test(goal.what) && !measurableSignal.test(goal.what) && !outcomeLink.test(goal.what);
}

const whatIsTooLong = (goal: GoalView) => words(goal.what).length > MAX_WHAT_WORDS;

const evidenceIsEmpty = (goal: GoalView) => isBlank(goal.evidence);

const evidenceIsNotMeasurable = (goal: GoalView) => !isBlank(goal.evidence) && !measurableSignal.test(goal.evidence);

/** A goal needs some route to it: an approach written under How, or someone or something linked to help. */
function hasNoStrategy(goal: GoalView, facts: Facts) {
  return isBlank(goal.how) && !facts.network.some((entry) => entry.goalIds.includes(goal.id));
}

const whyIsEmpty = (goal: GoalView) => isBlank(goal.why);

const hasNoTargetDate = (goal: GoalView, facts: Facts) => facts.open && !goal.targetDate;

const targetDateHasPassed = (_: GoalView, facts: Facts) =>
  facts.open && facts.target !== null && isBefore(facts.target, facts.today);

const startIsAfterTarget = (_: GoalView, facts: Facts) =>
  facts.open && facts.start !== null && facts.target !== null && isAfter(facts.start, facts.target);

/**
 * Long goals (measured from the start, or from today when there is none) deserve checkpoints on the way.
 * An overdue goal needs a new date first, which target-date-past already says.
 */
function needsMilestones(goal: GoalView, facts: Facts) {
  if (!facts.open || facts.target === null || goal.milestones.some(milestoneHasContent)) return false;
  if (isBefore(facts.target, facts.today)) return false;
  const from = facts.start ?? facts.today;
  return isAfter(facts.target, addMonths(from, MILESTONE_HORIZON_MONTHS));
}

const quoted = (text: string) => `‘${text.trim()}’`;
const outcomeFix = (e: GoalExamples) =>
  `Say what you will be able to do, or what someone could see: e.g. ${quoted(e.outcome)}.`;

/**
 * Most useful first, so the one or two pieces shown at a time are the ones worth acting on: say what the
 * goal is; put right dates that cannot be; then make it specific, checkable, dated and supported; last the
 * refinements (why, length, milestones).
 */
const rules: readonly Rule[] = [
  {
    id: 'what-empty',
    field: 'what',
    severity: 'warning',
    applies: whatIsEmpty,
    message: "Start with what you want to learn: this goal doesn't say yet.",
    fix: (e) => `Write one sentence about what you want to be able to do, e.g. ${quoted(e.outcome)}.`,
  },
  {
    id: 'target-date-past',
    field: 'targetDate',
    severity: 'warning',
    applies: targetDateHasPassed,
    message: "The target date has passed and the goal isn't marked achieved.",
    fix: 'Pick a new date, mark the goal achieved, or drop it if it no longer matters.',
  },
  {
    id: 'start-after-target',
    field: 'startDate',
    severity: 'warning',
    applies: startIsAfterTarget,
    message: 'The start date is after the target date.',
    fix: 'Move the start date earlier or the target date later.',
  },
  {
    id: 'what-too-short',
    field: 'what',
    severity: 'suggestion',
    applies: whatIsTooShort,
    message: "This goal is very short, so it's hard to tell what success would look like.",
    fix: (e) => `Add what you'll do with it, or for whom: e.g. ${quoted(e.specific)}.`,
  },
  {
    id: 'what-vague',
    field: 'what',
    severity: 'suggestion',
    applies: whatIsVague,
    message: "Words like 'learn about' or 'improve' describe an activity, not a result you can reach.",
    fix: (e) => `Name the outcome: instead of ${quoted(e.vague)}, try ${quoted(e.specific)}.`,
  },
  {
    id: 'no-evidence',
    field: 'evidence',
    severity: 'warning',
    applies: evidenceIsEmpty,
    message: "You haven't said yet how you'll know you have reached this goal.",
    fix: outcomeFix,
  },
  {
    id: 'no-target-date',
    field: 'targetDate',
    severity: 'warning',
    applies: hasNoTargetDate,
    message: 'There is no target date yet, so this goal could drift.',
    fix: 'Pick a date to aim for, even a rough one such as the end of a quarter.',
  },
  {
    id: 'no-strategy',
    field: 'network',
    severity: 'warning',
    applies: hasNoStrategy,
    message: "There's no plan yet for how you'll get there: no approach written and no one linked to help.",
    fix: 'Link at least one person, community or resource that will help, or describe your approach under How.',
  },
  {
    id: 'evidence-not-measurable',
    field: 'evidence',
    severity: 'suggestion',
    applies: evidenceIsNotMeasurable,
    message: "How you'll know is hard to check: it has no number, date or result someone could see.",
    fix: outcomeFix,
  },
  {
    id: 'no-why',
    field: 'why',
    severity: 'suggestion',
    applies: whyIsEmpty,
    message: "You haven't written why this goal matters to you.",
    fix: 'Add a sentence on why it matters to you, your team or your work; it helps you keep going when it gets hard.',
  },
  {
    id: 'what-too-long',
    field: 'what',
    severity: 'suggestion',
    applies: whatIsTooLong,
    message: 'This goal is long; it may be several goals in one.',
    fix: `Keep the main outcome here in at most about ${MAX_WHAT_WORDS} words and give the others goals of their own.`,
  },
  {
    id: 'no-milestones',
    field: 'milestones',
    severity: 'suggestion',
    applies: needsMilestones,
    message: `This goal runs for more than ${MILESTONE_HORIZON_MONTHS} months and has no milestones.`,
    fix: 'Break it into a few milestones with dates, e.g. one a month, so you can see progress along the way.',
  },
];

/**
 * Checks a goal against the SMART criteria and returns friendly advice, most useful first; a well-formed goal
 * gets none. Achieved and dropped goals get no advice about dates. Examples in the fixes are the
 * organisation's (`context.examples`), else the built-in ones.
 */
export function checkGoal(goal: GoalView, context: SmartCheckContext): SmartAdvice[] {
  const today = toDate(context.today);
  // With no valid today, the checks that compare with today stay quiet (comparisons with Invalid Date are false).
  const facts: Facts = {
    network: context.network,
    today: today ?? new Date(Number.NaN),
    start: toDate(goal.startDate),
    target: toDate(goal.targetDate),
    open: goal.status !== 'achieved' && goal.status !== 'dropped',
  };
  const examples = context.examples ?? defaultGoalExamples;
  return rules
    .filter((rule) => rule.applies(goal, facts))
    .map(({ id, field, severity, message, fix }) => ({
      id,
      field,
      severity,
      message,
      fix: typeof fix === 'string' ? fix : fix(examples),
    }));
}

/**
 * The advice to show now: one or two pieces, not a wall of them. A goal that does not say what it is yet gets
 * only that, because everything else follows from it.
 */
export function adviceToShow(advice: SmartAdvice[]): SmartAdvice[] {
  return advice[0]?.id === 'what-empty' ? advice.slice(0, 1) : advice.slice(0, 2);
}
