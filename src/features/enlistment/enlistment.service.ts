import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { notify } from '../notifications/index.js';
import { findItem, type PlanRow, writePlan, writePlanOnBehalf } from '../plans/index.js';
import { revokeGrantsFrom } from '../sharing/index.js';
import {
  findMemberOfOrg,
  findOpenRequestOfEntry,
  findRequest,
  findRequestWithPeople,
  goalsOfPlan,
  goalWordings,
  insertGrants,
  insertRequest,
  listRequestsOfMember,
  type RequestRow,
  type RequestWithPeople,
  updateRequest,
} from './enlistment.repository.js';
import type { EnlistInput, EnlistmentLists, EnlistmentView, RequestState, RespondInput } from './enlistment.schema.js';
import { type EnlistmentEvent, enlistmentNotice } from './enlistment-notices.js';
import { type EntryState, setEntryState } from './entry-state.js';
import { isOpenRequest } from './request-states.js';

type Side = 'learner' | 'mentor';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The request's goals that still exist, in the order the entry linked them, worded as they read now. */
function goalsOf(request: RequestRow, wordings: Map<string, string>) {
  return request.goalIds.flatMap((id) => {
    const what = wordings.get(`${request.planId} ${id}`);
    return what === undefined ? [] : [{ id, what }];
  });
}

function viewOf(row: RequestWithPeople, side: Side, wordings: Map<string, string>): EnlistmentView {
  const { request } = row;
  // The asked member sees the goals' wording only while the learner wants their help, not after it ended.
  const showGoals = side === 'learner' || isOpenRequest(request.state);
  return {
    id: request.id,
    organizationId: row.organizationId,
    planId: request.planId,
    role: side,
    learner: { name: row.learnerName },
    mentor: { name: row.mentorName },
    entry: side === 'learner' ? { id: request.networkEntryId, name: row.entryName } : null,
    goals: showGoals ? goalsOf(request, wordings) : [],
    message: request.message,
    response: request.response,
    state: request.state,
    createdAt: request.createdAt.toISOString(),
    respondedAt: iso(request.respondedAt),
    endedAt: iso(request.endedAt),
  };
}

/** One request as `side` sees it now, and the notice of what just happened for the other side. */
async function afterStep(ctx: AppContext, id: string, side: Side, event: EnlistmentEvent): Promise<EnlistmentView> {
  const row = (await findRequestWithPeople(ctx.db, id)) as RequestWithPeople;
  const wordings = await goalWordings(ctx.db, row.request.goalIds);
  // After commit: on PGlite the notification's delivery needs the one connection the transaction held.
  await notify(ctx, enlistmentNotice(event, row, side, goalsOf(row.request, wordings)));
  return viewOf(row, side, wordings);
}

/**
 * Sends "would you mentor me?" from a network entry of the learner's plan to the member it names, about the
 * goals the entry is linked to. The entry moves to "asked" through the plan's write path (lock, version,
 * history, cache). Only the plan's owner may ask (anyone else: 404).
 */
export async function enlist(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  entryId: string,
  input: EnlistInput,
): Promise<EnlistmentView> {
  const id = randomUUID();
  await writePlan(ctx, actor, planId, async (tx, plan, history) => {
    const entry = await findItem(tx, 'network', planId, entryId);
    if (!entry) throw notFound('Network entry');
    const { mentor, goalIds } = await checkAskable(
      tx,
      plan,
      entry.memberId as string | null,
      entry.goalIds as string[],
    );
    const open = await findOpenRequestOfEntry(tx, entryId);
    if (open) {
      // The entry may name someone else by now: the message names who the request in play went to.
      const { name } =
        open.mentorMemberId === mentor.id
          ? mentor
          : ((await findMemberOfOrg(tx, plan.organizationId, open.mentorMemberId)) ?? mentor);
      throw conflict(
        open.state === 'pending'
          ? `You already asked ${name}. Wait for their answer, or withdraw the request first.`
          : `${name} already mentors you on this. End the mentoring first to ask again.`,
      );
    }
    await insertRequest(tx, {
      id,
      planId,
      networkEntryId: entryId,
      learnerMemberId: plan.memberId,
      mentorMemberId: mentor.id,
      goalIds,
      message: input.message ?? '',
    });
    await setEntryState(tx, planId, entryId, 'asked', history);
  });
  return afterStep(ctx, id, 'learner', 'asked');
}

/** The entry must name another member of the organisation and be linked to at least one goal. */
async function checkAskable(tx: Database, plan: PlanRow, memberId: string | null, linked: string[]) {
  const fields: Record<string, string> = {};
  const mentor = memberId ? await findMemberOfOrg(tx, plan.organizationId, memberId) : undefined;
  if (!memberId) fields.memberId = 'Choose which member of your organisation this is before asking them.';
  else if (memberId === plan.memberId) fields.memberId = 'You cannot ask yourself; name someone else.';
  else if (!mentor) fields.memberId = 'Choose a member of your organisation.';
  const goals = await goalsOfPlan(tx, plan.id, linked);
  const existing = new Set(goals.map((g) => g.id));
  const goalIds = linked.filter((g) => existing.has(g));
  if (goalIds.length === 0) fields.goalIds = 'Link this entry to the goals it helps first.';
  if (!mentor || Object.keys(fields).length > 0) throw validationError(fields, 'This request cannot be sent yet.');
  return { mentor, goalIds };
}

/** The signed-in member's requests in an organisation: asked of them, and sent by them. Members only. */
export async function listEnlistments(ctx: AppContext, actor: Actor, orgId: string): Promise<EnlistmentLists> {
  const { memberId } = await requireAccess(ctx, actor, 'enlistment:list', { org: orgId });
  const incoming = await listRequestsOfMember(ctx.db, memberId, 'mentor');
  const outgoing = await listRequestsOfMember(ctx.db, memberId, 'learner');
  const wordings = await goalWordings(
    ctx.db,
    [...incoming, ...outgoing].flatMap((r) => r.request.goalIds),
  );
  return {
    incoming: incoming.map((row) => viewOf(row, 'mentor', wordings)),
    outgoing: outgoing.map((row) => viewOf(row, 'learner', wordings)),
  };
}

interface Step {
  event: Exclude<EnlistmentEvent, 'asked'>;
  from: RequestState;
  /** What happens to the network entry the request came from. */
  entry: EntryState;
  /** Work beyond the state change, in the same transaction: granting or revoking access. */
  apply?: (tx: Database, request: RequestRow, plan: PlanRow, now: Date) => Promise<void>;
}

const steps = {
  accept: {
    event: 'accepted',
    from: 'pending',
    entry: 'agreed',
    // One comment share per goal that still exists. The learner asked for this help, so the share is theirs
    // (granted_by is the learner), as if they had made it on the "who can see what" page.
    apply: async (tx, request, plan) => {
      const goals = await goalsOfPlan(tx, plan.id, request.goalIds);
      await insertGrants(
        tx,
        goals.map((g) => ({
          id: randomUUID(),
          planId: plan.id,
          granteeMemberId: request.mentorMemberId,
          scope: 'goal' as const,
          goalId: g.id,
          access: 'comment' as const,
          reason: 'enlistment',
          sourceId: request.id,
          grantedBy: plan.userId,
        })),
      );
    },
  },
  decline: { event: 'declined', from: 'pending', entry: 'declined' },
  withdraw: { event: 'withdrawn', from: 'pending', entry: 'to_ask' },
  end: {
    event: 'ended',
    from: 'accepted',
    entry: 'ended',
    apply: (tx, request, _plan, now) => revokeGrantsFrom(tx, request.id, now),
  },
} satisfies Record<string, Step>;

export type StepName = keyof typeof steps;

const stateNow: Record<RequestState, string> = {
  pending: 'is still waiting for an answer',
  accepted: 'was accepted',
  declined: 'was declined',
  withdrawn: 'was withdrawn',
  ended: 'has ended',
};
/**
 * Takes one step of a request: accept or decline (the member asked, while pending), withdraw (the learner,
 * while pending), end (either, once accepted). The request, the access it grants and the network entry's
 * state change in one plan write, recorded in the plan's history with the actor named; the other side is
 * then notified. A request no longer in the state the step needs answers 409.
 */
export async function takeStep(
  ctx: AppContext,
  actor: Actor,
  id: string,
  name: StepName,
  input: RespondInput = {},
): Promise<EnlistmentView> {
  // Who may take which step is the gate's (rules `enlistment:*`): the other side, who sees the request, gets 403.
  const { user, request: parties, side } = await requireAccess(ctx, actor, `enlistment:${name}`, { enlistment: id });
  const step: Step = steps[name];
  await writePlanOnBehalf(ctx, user.userId, parties.planId, async (tx, plan, history) => {
    const request = await findRequest(tx, id);
    if (!request) throw notFound('Mentoring request');
    if (request.state !== step.from) {
      throw conflict(`This request ${stateNow[request.state]}, so it cannot be ${step.event} now.`, undefined, {
        state: request.state,
      });
    }
    const now = new Date();
    await step.apply?.(tx, request, plan, now);
    const answering = step.event === 'accepted' || step.event === 'declined';
    await updateRequest(tx, id, {
      state: step.event,
      ...(answering ? { response: input.response ?? '', respondedAt: now } : { endedAt: now }),
    });
    await setEntryState(tx, plan.id, request.networkEntryId, step.entry, history);
  });
  return afterStep(ctx, id, side, step.event);
}
