import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { evidenceOfGoal } from '../evidence/index.js';
import { findItem } from '../plans/index.js';
import { awardAchievement } from './awards.service.js';
import { findAchievement } from './badges.repository.js';
import { credentialUrl } from './credential.js';
import {
  decideRequest,
  evidenceOfRequest,
  findRequest,
  heldAward,
  insertRequest,
  openRequestFor,
  openRequestsFor,
  type RecognitionListed,
  requestableAchievements,
  requestsOfLearner,
  setRequestAward,
} from './recognition.repository.js';
import type { askRecognitionBody, RecognitionView } from './recognition.schema.js';
import { tellApprovers, tellLearner } from './recognition-notices.js';

/*
 * Recognition on request (docs/decisions/2026-12-06-recognition-requests.md): the learner chooses one of the
 * organisation's achievements open to requests for a goal they achieved; the approvers (their supervisor, L&D
 * admins and owners) see the request with the goal's evidence it names, and approve (awardAchievement makes
 * the badge, the request is its reason) or decline with a reason. The learner is told either way.
 */

async function viewOf(ctx: AppContext, row: RecognitionListed, withEvidence: boolean): Promise<RecognitionView> {
  const r = row.request;
  const evidence = withEvidence ? await evidenceOfRequest(ctx.db, r) : [];
  return {
    id: r.id,
    organizationId: r.organizationId,
    learnerMemberId: r.learnerMemberId,
    learnerName: row.learnerName,
    planId: r.planId,
    goalId: r.goalId,
    goalTitle: row.goalTitle,
    achievementId: r.achievementId,
    achievementName: row.achievementName,
    achievementImage: row.achievementImage,
    message: r.message,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    declineReason: r.declineReason,
    awardId: r.awardId,
    verificationUrl: r.awardId ? credentialUrl(ctx.config.baseUrl, r.awardId) : null,
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      note: e.note,
      url: e.url,
      occurredOn: e.occurredOn,
      fileName: e.fileName,
    })),
  };
}

async function reread(ctx: AppContext, requestId: string) {
  return viewOf(ctx, (await findRequest(ctx.db, requestId)) as RecognitionListed, true);
}

const alreadyAsked = () =>
  conflict('You have already asked for this achievement for this goal: the request is waiting for an answer.', {
    achievementId: 'Already asked for this goal; wait for the answer.',
  });

/** The achievements a member may ask for: their organisation's that are open to requests. */
export async function listRequestableAchievements(ctx: AppContext, actor: Actor, orgId: string) {
  await requireAccess(ctx, actor, 'recognition:list-requestable', { org: orgId });
  const rows = await requestableAchievements(ctx.db, orgId);
  return rows.map(({ id, name, description, criteria, image }) => ({ id, name, description, criteria, image }));
}

/**
 * The goal's learner asks for recognition: the goal must be achieved (400 naming `goalId`), the achievement
 * one of the organisation's open to requests (another organisation's: 404), and no request for the same goal
 * and achievement may be open (409). The goal's evidence is attached by reference.
 */
export async function askForRecognition(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: z.infer<typeof askRecognitionBody>,
): Promise<RecognitionView> {
  const { plan, goal } = await requireAccess(ctx, actor, 'recognition:ask', {
    plan: planId,
    goal: await findItem(ctx.db, 'goal', planId, goalId),
  });
  const wanted = await findAchievement(ctx.db, input.achievementId);
  if (!wanted || wanted.organizationId !== plan.organizationId) throw notFound('Achievement');
  if (goal.status !== 'achieved') {
    throw validationError({ goalId: 'Mark the goal achieved before asking for recognition of it.' });
  }
  if (!wanted.openToRequests) {
    throw validationError({ achievementId: 'This achievement is not open to requests: choose one that is.' });
  }
  if (await heldAward(ctx.db, plan.memberId, wanted.id)) {
    throw conflict('You hold this badge already.', { achievementId: 'You hold this badge already.' });
  }
  if (await openRequestFor(ctx.db, goalId, wanted.id)) throw alreadyAsked();
  const id = randomUUID();
  const evidenceIds = (await evidenceOfGoal(ctx.db, planId, goalId)).map((e) => e.id);
  try {
    await insertRequest(ctx.db, {
      id,
      organizationId: plan.organizationId,
      learnerMemberId: plan.memberId,
      planId,
      goalId,
      achievementId: wanted.id,
      message: input.message,
      evidenceIds,
    });
  } catch (err) {
    // Two asks at once: the index on open requests lets one in.
    if (isUniqueViolation(err)) throw alreadyAsked();
    throw err;
  }
  const view = await reread(ctx, id);
  await tellApprovers(ctx, view);
  return view;
}

/** The learner's own requests in an organisation and where each stands, newest first. */
export async function listMyRequests(ctx: AppContext, actor: Actor, orgId: string): Promise<RecognitionView[]> {
  const { memberId } = await requireAccess(ctx, actor, 'recognition:list-own', { org: orgId });
  const rows = await requestsOfLearner(ctx.db, memberId);
  return Promise.all(rows.map((r) => viewOf(ctx, r, false)));
}

/** Open requests the actor decides on (their supervisees'; everyone's for L&D admins and owners), with evidence. */
export async function listRequestsToDecide(ctx: AppContext, actor: Actor, orgId: string): Promise<RecognitionView[]> {
  const { me } = await requireAccess(ctx, actor, 'recognition:list-to-decide', { org: orgId });
  const admin = me.role === 'owner' || me.role === 'admin';
  const rows = await openRequestsFor(ctx.db, orgId, { id: me.id, admin });
  return Promise.all(rows.map((r) => viewOf(ctx, r, true)));
}

/** One request, for its learner and its approvers. */
export async function getRequest(ctx: AppContext, actor: Actor, requestId: string): Promise<RecognitionView> {
  await requireAccess(ctx, actor, 'recognition:read', { recognition: requestId });
  return reread(ctx, requestId);
}

const alreadyDecided = async (ctx: AppContext, requestId: string) =>
  conflict('This request was already answered.', undefined, { current: await reread(ctx, requestId) });

/**
 * Approves a request: in one transaction the request is marked approved (only one approval lands: a second at
 * the same time finds it decided, 409) and the badge awarded with the request as its reason. A learner who
 * holds the badge already keeps the one they hold.
 */
export async function approveRequest(ctx: AppContext, actor: Actor, requestId: string): Promise<RecognitionView> {
  const { me, request } = await requireAccess(ctx, actor, 'recognition:decide', { recognition: requestId });
  const decided = await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    if (!(await decideRequest(db, requestId, { state: 'approved', decidedByMemberId: me.id }))) return false;
    const { awards } = await awardAchievement(ctx, 'system', tx, {
      achievementId: request.achievementId,
      memberIds: [request.learnerMemberId],
      reason: request.message,
      awardedByMemberId: me.id,
    });
    const awardId = awards[0]?.id ?? (await heldAward(db, request.learnerMemberId, request.achievementId))?.id;
    if (awardId) await setRequestAward(db, requestId, awardId);
    return true;
  });
  if (!decided) throw await alreadyDecided(ctx, requestId);
  const view = await reread(ctx, requestId);
  await tellLearner(ctx, view);
  return view;
}

/** Declines a request with a reason the learner is told. A request already answered: 409. */
export async function declineRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  reason: string,
): Promise<RecognitionView> {
  const { me } = await requireAccess(ctx, actor, 'recognition:decide', { recognition: requestId });
  const decided = await decideRequest(ctx.db, requestId, {
    state: 'declined',
    decidedByMemberId: me.id,
    declineReason: reason,
  });
  if (!decided) throw await alreadyDecided(ctx, requestId);
  const view = await reread(ctx, requestId);
  await tellLearner(ctx, view);
  return view;
}
