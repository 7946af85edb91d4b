import { z } from 'zod';
import { idParam } from '../../server/schemas.js';

/*
 * Recognition on request: a learner asks for an achievement for a goal they achieved; their supervisor or an
 * L&D admin approves (the badge is awarded) or declines with a reason. Browser-safe: the web app imports types.
 */

export const recognitionParams = z.object({ requestId: idParam });
export const goalRecognitionParams = z.object({ planId: idParam, goalId: idParam });

export const askRecognitionBody = z.object({
  achievementId: idParam.describe('One of the organisation’s achievements open to requests'),
  message: z
    .string({ error: 'Say what you did and why it earns this.' })
    .trim()
    .min(1, { error: 'Say what you did and why it earns this.' })
    .max(2000, { error: 'Keep the message under 2,000 characters.' }),
});
export type AskRecognitionBody = z.input<typeof askRecognitionBody>;

export const declineRecognitionBody = z.object({
  reason: z
    .string({ error: 'Say why it is declined.' })
    .trim()
    .min(1, { error: 'Say why it is declined.' })
    .max(1000, { error: 'Keep the reason under 1,000 characters.' }),
});
export type DeclineRecognitionBody = z.input<typeof declineRecognitionBody>;

export const requestableAchievement = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  criteria: z.string(),
  image: z.string(),
});
export const requestableList = z.object({ achievements: z.array(requestableAchievement) });
export type RequestableList = z.infer<typeof requestableList>;

export const recognitionEvidence = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  note: z.string(),
  url: z.string().nullable(),
  occurredOn: z.string(),
  fileName: z.string().nullable(),
});

export const recognitionView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    learnerMemberId: z.string(),
    learnerName: z.string(),
    planId: z.string(),
    goalId: z.string(),
    goalTitle: z.string(),
    achievementId: z.string(),
    achievementName: z.string(),
    achievementImage: z.string(),
    message: z.string(),
    state: z.enum(['open', 'approved', 'declined']),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    declineReason: z.string().nullable(),
    awardId: z.string().nullable(),
    /** The badge's public verification page, once approved. */
    verificationUrl: z.string().nullable(),
    /** The goal's evidence when the learner asked (shown to the approvers by this request, not by the plan). */
    evidence: z.array(recognitionEvidence),
  })
  .meta({ id: 'RecognitionRequest' });
export type RecognitionView = z.infer<typeof recognitionView>;
export const recognitionList = z.object({ requests: z.array(recognitionView) });
export type RecognitionList = z.infer<typeof recognitionList>;

/** An achievement's public page: what it is and who issues it (every credential of it carries as much). */
export const publicAchievementView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    criteria: z.string(),
    image: z.string(),
    tags: z.array(z.string()),
    issuer: z.object({ id: z.string(), name: z.string(), url: z.string().nullable(), imageUrl: z.string().nullable() }),
  })
  .meta({ id: 'PublicAchievement' });
export type PublicAchievementView = z.infer<typeof publicAchievementView>;
