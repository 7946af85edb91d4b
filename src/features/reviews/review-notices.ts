import type { AppContext } from '../../server/context.js';
import type { ReviewRecord } from '../access/index.js';
import { notify } from '../notifications/index.js';
import { reviewKindLabels } from '../plans/index.js';
import type { ReviewSide } from './reviews.schema.js';

/*
 * What each side of a review is told, and where the link takes them: the supervisor to the review's page in
 * their organisation, the learner to the plan's reviews tab. Sent after the change has committed.
 */

const kindOf = (record: ReviewRecord) => reviewKindLabels[record.review.kind].toLowerCase();

function recipient(record: ReviewRecord, side: ReviewSide) {
  const { plan, review } = record;
  return side === 'supervisor'
    ? { userId: record.supervisorUserId, link: `/orgs/${plan.organizationId}/reviews/${review.id}` }
    : { userId: plan.userId, link: `/orgs/${plan.organizationId}/plans/${plan.id}/reviews` };
}

function tell(
  ctx: AppContext,
  record: ReviewRecord,
  to: ReviewSide,
  what: { title: string; body: string; key: string },
) {
  const { userId, link } = recipient(record, to);
  return notify(ctx, {
    userId,
    organizationId: record.plan.organizationId,
    kind: 'review',
    title: what.title,
    body: what.body,
    link,
    dedupeKey: `review:${record.review.id}:${what.key}`,
  });
}

const nameOf = (record: ReviewRecord, side: ReviewSide) =>
  side === 'learner' ? record.learnerName : record.supervisorName;
const otherSide = (side: ReviewSide): ReviewSide => (side === 'learner' ? 'supervisor' : 'learner');

export function tellReviewRequested(ctx: AppContext, record: ReviewRecord) {
  return tell(ctx, record, 'supervisor', {
    title: `${record.learnerName} asks you to review their plan`,
    body: `The ${kindOf(record)} for ${record.plan.cycle}: read what they shared, add your note and sign.`,
    key: 'requested',
  });
}

export function tellReviewWithdrawn(ctx: AppContext, record: ReviewRecord) {
  return tell(ctx, record, 'supervisor', {
    title: `${record.learnerName} withdrew their review request`,
    body: `The ${kindOf(record)} for ${record.plan.cycle} is no longer asked of you, and its shares have ended.`,
    key: 'withdrawn',
  });
}

/**
 * After a signature, the other side hears of it: that it is now agreed, that they are asked to sign, or that
 * the plan changed since their own signature and they must sign again. `seq` keeps each signature's notice.
 */
export function tellSigned(
  ctx: AppContext,
  record: ReviewRecord,
  signer: ReviewSide,
  outcome: { agreed: boolean; signAgain: ReviewSide | null; seq: number },
) {
  const who = nameOf(record, signer);
  const kind = kindOf(record);
  if (outcome.agreed) {
    const closes = record.review.kind === 'year_end' ? ` The ${record.plan.cycle} cycle is closed.` : '';
    return tell(ctx, record, otherSide(signer), {
      title: `${who} signed: the ${kind} is agreed`,
      body: `You have both signed the ${kind} for ${record.plan.cycle}.${closes}`,
      key: 'agreed',
    });
  }
  if (outcome.signAgain) {
    return tell(ctx, record, outcome.signAgain, {
      title: `Please sign the ${kind} again`,
      body: `${who} signed, but the plan changed after your signature. Read it again and sign what is there now.`,
      key: `sign-again:${outcome.seq}`,
    });
  }
  return tell(ctx, record, otherSide(signer), {
    title: `${who} signed the ${kind}`,
    body: `Read the ${kind} for ${record.plan.cycle} and sign it too.`,
    key: `signed:${outcome.seq}`,
  });
}
