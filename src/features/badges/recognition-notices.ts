import type { AppContext } from '../../server/context.js';
import { notify } from '../notifications/index.js';
import { approversToTell, findRequest } from './recognition.repository.js';
import type { RecognitionView } from './recognition.schema.js';

/*
 * Who hears of a request for recognition, after it has committed: the approvers when it is made (the
 * learner's supervisor, or the admins and owners when they have none), the learner when it is answered (in the
 * app, and by e-mail unless their settings turned off 'recognition_decided').
 */

export async function tellApprovers(ctx: AppContext, request: RecognitionView) {
  const approvers = await approversToTell(ctx.db, request.organizationId, request.learnerMemberId);
  for (const { userId } of approvers) {
    await notify(ctx, {
      userId,
      organizationId: request.organizationId,
      kind: 'recognition_requested',
      title: `${request.learnerName} asks for recognition: ${request.achievementName}`,
      body: `For their achieved goal “${request.goalTitle}”. Read their message and evidence, then approve or decline.`,
      link: `/orgs/${request.organizationId}/recognition`,
      dedupeKey: `recognition:${request.id}:requested`,
    });
  }
}

export async function tellLearner(ctx: AppContext, request: RecognitionView) {
  const found = await findRequest(ctx.db, request.id);
  if (!found) return;
  const approved = request.state === 'approved';
  await notify(ctx, {
    userId: found.learnerUserId,
    organizationId: request.organizationId,
    kind: 'recognition_decided',
    title: approved
      ? `You earned the badge “${request.achievementName}”`
      : `Your request for “${request.achievementName}” was declined`,
    body: approved
      ? `${request.decidedByName ?? 'Your approver'} approved it for your goal “${request.goalTitle}”. It is in your portfolio.`
      : `${request.decidedByName ?? 'Your approver'} declined it: ${request.declineReason ?? ''}`,
    link: approved ? `/orgs/${request.organizationId}/portfolio` : `/orgs/${request.organizationId}/recognition`,
    dedupeKey: `recognition:${request.id}:${request.state}`,
  });
}
