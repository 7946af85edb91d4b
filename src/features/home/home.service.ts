import { addDays, format, parseISO } from 'date-fns';
import type { AppContext } from '../../server/context.js';
import { cutText, oneLine } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { listCheckins } from '../checkins/index.js';
import { listEnlistments } from '../enlistment/index.js';
import { guideProgress, type PlanView, readPlan, sharingStatus } from '../plans/index.js';
import { readFeed } from '../posts/index.js';
import { programmesInProgress } from '../programmes/index.js';
import { listReviewsToDo } from '../reviews/index.js';
import { getLearnerSettings } from '../settings/index.js';
import { currentPlanOf, organisationCounts, planFollowUp, unseenComments } from './home.repository.js';
import type { HomeView, PlanNextStepsView } from './home.schema.js';
import { nextStepsAfterGuide } from './next-steps.js';

/** Dates this many days ahead (today included) are "coming up". */
export const UPCOMING_DAYS = 30;
/** How many of each list home shows: it is a short list of what is next, not another inbox. */
const SHOWN = 5;

const inRange = (day: string | null, from: string, to: string): day is string => !!day && day >= from && day <= to;
const plusDays = (day: string, days: number) => format(addDays(parseISO(day), days), 'yyyy-MM-dd');

/** Where the learner stands with the guide: not started, somewhere in it (and what it asks next), or done. */
function guideOf(view: PlanView): NonNullable<HomeView['guide']> {
  const checks = Object.values(guideProgress(view)).flat();
  const left = checks.filter((c) => !c.done);
  const started = view.reflections.length + view.goals.length + view.network.length + view.shares.length > 0;
  return {
    planId: view.id,
    cycle: view.cycle,
    state: left.length === 0 ? 'done' : started ? 'in_progress' : 'not_started',
    part: view.guide.part,
    step: view.guide.step,
    nextCheck: left[0]?.label ?? null,
    checksDone: checks.length - left.length,
    checksTotal: checks.length,
  };
}

/** Target dates and milestones of open goals from `today` to `UPCOMING_DAYS` ahead, soonest first. */
function datesComingUp(view: PlanView, today: string): HomeView['upcoming'] {
  const until = plusDays(today, UPCOMING_DAYS);
  const open = view.goals.filter((g) => g.status !== 'achieved' && g.status !== 'dropped');
  const goalName = (what: string) => cutText(oneLine(what), 80) || 'An untitled goal';
  return open
    .flatMap((g) => [
      ...(inRange(g.targetDate, today, until)
        ? [{ kind: 'target_date' as const, date: g.targetDate, title: goalName(g.what), goalId: g.id }]
        : []),
      ...g.milestones
        .filter((m) => !m.done && inRange(m.dueDate, today, until))
        .map((m) => ({ kind: 'milestone' as const, date: m.dueDate as string, title: m.title, goalId: g.id })),
    ])
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Sharing commitments with fewer shares recorded than were due by today. */
function sharingBehindOf(view: PlanView, today: string): HomeView['sharingBehind'] {
  const goalWhat = new Map(view.goals.map((g) => [g.id, g.what]));
  return view.shares.flatMap((s) => {
    const status = sharingStatus(s, { today, planCreatedAt: view.createdAt, cycle: view.cycle });
    if (!status.behind) return [];
    const what = s.goalId ? (goalWhat.get(s.goalId) ?? null) : null;
    return [
      {
        shareId: s.id,
        how: s.how,
        goalWhat: what === null ? null : cutText(oneLine(what), 80),
        expected: status.expected,
        done: status.done,
        nextDue: status.nextDue,
      },
    ];
  });
}

/** What the steps after the guide depend on besides the plan (the follow-up facts) and the person. */
const stepsAfterGuide = (
  guide: ReturnType<typeof guideOf>,
  followUp: Awaited<ReturnType<typeof planFollowUp>>,
  checkinsSet: boolean,
  hasSupervisor: boolean,
) =>
  nextStepsAfterGuide({
    guideDone: guide.state === 'done',
    shared: followUp.shared,
    reviewAsked: followUp.reviewAsked,
    hasSupervisor,
    checkinsSet,
  });

/** The part of home about the person's own current plan: the guide, what follows it, dates, check-ins. */
async function planSection(ctx: AppContext, actor: Actor, planId: string, hasSupervisor: boolean) {
  const { view } = await readPlan(ctx, actor, planId);
  const checkins = await listCheckins(ctx, actor, planId);
  const followUp = await planFollowUp(ctx.db, planId, new Date());
  const today = checkins.today;
  const guide = guideOf(view);
  const dueOn = checkins.dueOn;
  const checkinSoon =
    dueOn && dueOn > today && dueOn <= plusDays(today, UPCOMING_DAYS)
      ? [{ kind: 'checkin' as const, date: dueOn, title: 'Your next check-in', goalId: null }]
      : [];
  return {
    today,
    guide,
    nextSteps: stepsAfterGuide(guide, followUp, checkins.cadence !== 'none', hasSupervisor),
    checkinDue: dueOn && dueOn <= today ? { planId, dueOn } : null,
    upcoming: [...datesComingUp(view, today), ...checkinSoon]
      .sort((a, b) => a.date.localeCompare(b.date))
      .slice(0, SHOWN),
    sharingBehind: sharingBehindOf(view, today).slice(0, SHOWN),
    openSuggestions: followUp.openSuggestions,
  };
}

/**
 * Home: what is next for the signed-in person in one organisation, in one read. Their own plan's guide and
 * dates, what others wait for from them (reviews to sign, mentoring requests, suggestions and comments on
 * their plan), recent posts from people and topics they follow, and for L&D admins and owners the
 * organisation's counts. Each part comes through the feature that owns it, with that feature's access check,
 * so home shows nothing the person could not open on its own page.
 */
export async function readHome(ctx: AppContext, actor: Actor, orgId: string): Promise<HomeView> {
  const { user, me } = await requireAccess(ctx, actor, 'home:read', { org: orgId });
  // One after another: asked together, two parts missed the same cache at once and read it twice (the statement
  // count of a home read varied, home.test.ts).
  const current = await currentPlanOf(ctx.db, me.id);
  const mine = current ? await planSection(ctx, actor, current.id, me.supervisorId !== null) : null;
  const reviews = await listReviewsToDo(ctx, actor, orgId);
  const enlistments = await listEnlistments(ctx, actor, orgId);
  const feed = await readFeed(ctx, actor, { orgId, view: 'following', limit: SHOWN });
  const comments = await unseenComments(ctx.db, user.userId, orgId, SHOWN);
  const programmes = await programmesInProgress(ctx, me.id, orgId);
  const admin = me.role === 'owner' || me.role === 'admin';
  const counts = admin ? await organisationCounts(ctx.db, orgId, addDays(new Date(), -30)) : undefined;
  const k = counts?.k ?? 5;

  return {
    today: mine?.today ?? format(new Date(), 'yyyy-MM-dd'),
    guide: mine?.guide ?? null,
    nextSteps: mine?.nextSteps ?? [],
    checkinDue: mine?.checkinDue ?? null,
    upcoming: mine?.upcoming ?? [],
    sharingBehind: mine?.sharingBehind ?? [],
    requests: {
      reviews: reviews
        .filter((r) => r.state === 'requested' && r.awaiting.includes('supervisor'))
        .slice(0, SHOWN)
        .map((r) => ({ reviewId: r.id, kind: r.kind, learnerName: r.learner.name, cycle: r.plan.cycle })),
      mentoring: enlistments.incoming
        .filter((e) => e.state === 'pending')
        .slice(0, SHOWN)
        .map((e) => ({ requestId: e.id, learnerName: e.learner.name, createdAt: e.createdAt })),
      openSuggestions: mine?.openSuggestions ?? 0,
      unseenComments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    },
    posts: feed.posts.map((p) => ({
      id: p.id,
      authorName: p.author.name,
      title: p.title || cutText(oneLine(p.body), 100),
      createdAt: p.createdAt,
    })),
    programmes: programmes.slice(0, SHOWN),
    organisation: counts
      ? {
          members: counts.members,
          joinedLast30Days: counts.joined,
          plansStarted: counts.withPlan >= k ? counts.withPlan : null,
          optedIn: counts.optedIn,
          k,
        }
      : null,
  };
}

/**
 * The steps after the guide for one plan, as home gives them (its owner only, as check-ins are): what a plan's
 * overview shows once the guide is done, without reading the whole of home before its first paint. `current`
 * says whether it is the owner's current plan, the only one home suggests steps for.
 */
export async function readPlanNextSteps(ctx: AppContext, actor: Actor, planId: string): Promise<PlanNextStepsView> {
  const { view, ownership } = await readPlan(ctx, actor, planId);
  // Only the rhythm chosen: the overview reads the check-ins themselves beside this (GET …/checkins).
  const { checkinCadence } = await getLearnerSettings(ctx.db, ownership.userId);
  const followUp = await planFollowUp(ctx.db, planId, new Date());
  const { me } = await requireAccess(ctx, actor, 'home:read', { org: view.organizationId });
  const current = await currentPlanOf(ctx.db, me.id);
  const guide = guideOf(view);
  return {
    planId,
    current: current?.id === planId,
    guideDone: guide.state === 'done',
    steps: stepsAfterGuide(guide, followUp, checkinCadence !== 'none', me.supervisorId !== null),
  };
}
