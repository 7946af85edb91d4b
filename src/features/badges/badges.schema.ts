import { z } from 'zod';
import { idParam, oneLineText } from '../../server/schemas.js';

/*
 * Badges: achievements an organisation defines and awards as Open Badges 3.0 credentials, verified by anyone.
 */

export const orgParams = z.object({ orgId: idParam });
export const achievementParams = z.object({ achievementId: idParam });
export const awardParams = z.object({ awardId: idParam });

const MAX_IMAGE_BYTES = 100 * 1024;
export const IMAGE_LIMIT_TEXT = '100 KB';

/** An uploaded image, as a data: URL of a PNG or an SVG (checked by the service: badge-image.ts). */
const imageDataUrl = z
  .string()
  .max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64, { error: `Keep the image under ${IMAGE_LIMIT_TEXT}.` })
  .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/, { error: 'Upload a PNG or an SVG image.' });

const tags = z
  .array(
    z.string().trim().min(1, { error: 'A tag needs a word.' }).max(40, { error: 'Keep each tag under 40 characters.' }),
  )
  .max(20, { error: 'At most 20 tags.' });

const achievementFields = {
  name: oneLineText({ error: 'Name the achievement.' })
    .trim()
    .min(2, { error: 'Name the achievement (at least 2 characters).' })
    .max(100, { error: 'Keep the name under 100 characters.' }),
  description: z
    .string({ error: 'Describe the achievement.' })
    .trim()
    .min(1, { error: 'Describe the achievement.' })
    .max(2000, { error: 'Keep the description under 2,000 characters.' }),
  criteria: z
    .string({ error: 'Say what earns it.' })
    .trim()
    .min(1, { error: 'Say what earns it.' })
    .max(4000, { error: 'Keep the criteria under 4,000 characters.' }),
  /** An uploaded image; none: one is made from the template in the organisation's colour. */
  image: imageDataUrl.nullable(),
  tags,
  expiryDays: z
    .int({ error: 'Expiry is a whole number of days.' })
    .min(1, { error: 'Expiry is at least one day.' })
    .max(3650, { error: 'Expiry is at most ten years (3,650 days).' })
    .nullable(),
  /** Learners may ask for it for a goal they achieved (recognition on request). */
  openToRequests: z.boolean({ error: 'Say whether learners may ask for it.' }),
};

export const createAchievementBody = z.object({
  ...achievementFields,
  image: achievementFields.image.default(null),
  tags: tags.default([]),
  expiryDays: achievementFields.expiryDays.default(null),
  openToRequests: achievementFields.openToRequests.default(false),
});
export type CreateAchievementBody = z.input<typeof createAchievementBody>;

export const updateAchievementBody = z.object({
  ...achievementFields,
  openToRequests: achievementFields.openToRequests.optional(),
  version: z.int({ error: 'Send the version you edited.' }).min(1).optional(),
});
export type UpdateAchievementBody = z.input<typeof updateAchievementBody>;

export const achievementView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    description: z.string(),
    criteria: z.string(),
    image: z.string(),
    tags: z.array(z.string()),
    expiryDays: z.number().nullable(),
    openToRequests: z.boolean(),
    awarded: z.number(),
    version: z.number(),
  })
  .meta({ id: 'Achievement' });
export type AchievementView = z.infer<typeof achievementView>;
export const achievementList = z.object({ achievements: z.array(achievementView) });

export const awardView = z
  .object({
    id: z.string(),
    achievementId: z.string(),
    achievementName: z.string(),
    image: z.string(),
    recipientMemberId: z.string(),
    recipientName: z.string(),
    reason: z.string(),
    issuedAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    /** The public verification page, the link its learner may share. */
    verificationUrl: z.string(),
    /** LinkedIn's Add to Profile link for this badge, as a certification (credential-files: linkedin.ts). */
    addToLinkedInUrl: z.string(),
  })
  .meta({ id: 'BadgeAward' });
export type AwardView = z.infer<typeof awardView>;
export const awardList = z.object({ awards: z.array(awardView) });

export const achievementWithAwards = z.object({ achievement: achievementView, awards: z.array(awardView) });

export const awardBody = z.object({
  memberIds: z
    .array(idParam, { error: 'Choose who receives it.' })
    .min(1, { error: 'Choose who receives it.' })
    .max(5000, { error: 'At most 5,000 people at once.' }),
  reason: z
    .string({ error: 'Say why it is awarded.' })
    .trim()
    .min(1, { error: 'Say why it is awarded.' })
    .max(1000, { error: 'Keep the reason under 1,000 characters.' }),
});
export type AwardBody = z.input<typeof awardBody>;
export const awardResult = z.object({
  awards: z.array(awardView),
  /** Members who hold this achievement already (not revoked): not awarded twice. */
  alreadyHeld: z.array(z.string()),
});

export const revokeBody = z.object({
  reason: z
    .string({ error: 'Say why it is revoked.' })
    .trim()
    .min(1, { error: 'Say why it is revoked.' })
    .max(1000, { error: 'Keep the reason under 1,000 characters.' }),
});

export const issuerView = z
  .object({
    organizationId: z.string(),
    did: z.string(),
    name: z.string(),
    url: z.string().nullable(),
    imageUrl: z.string().nullable(),
    colour: z.string(),
    version: z.number(),
    keys: z.array(
      z.object({
        id: z.string(),
        publicKeyMultibase: z.string(),
        active: z.boolean(),
        createdAt: z.string(),
        retiredAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BadgeIssuer' });
export type IssuerView = z.infer<typeof issuerView>;

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'Give a web address (https://...).' })
  .max(500, { error: 'Keep the address under 500 characters.' });

export const updateIssuerBody = z.object({
  name: oneLineText({ error: 'Name the issuer.' })
    .trim()
    .min(2, { error: 'Name the issuer (at least 2 characters).' })
    .max(100, { error: 'Keep the name under 100 characters.' }),
  url: httpsUrl.nullable(),
  imageUrl: httpsUrl.nullable(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'A colour is # and six hex digits, e.g. #1f5f8b.' }),
  version: z.int({ error: 'Send the version you edited.' }).min(1).optional(),
});
export type UpdateIssuerBody = z.input<typeof updateIssuerBody>;

/** Any JSON-LD document: a credential is checked by what it holds, not by a schema of ours. */
export const credentialJson = z.record(z.string(), z.unknown()).meta({ id: 'VerifiableCredential' });

export const verificationView = z
  .object({
    status: z.enum(['valid', 'invalid', 'expired', 'revoked']),
    checks: z.array(
      z.object({
        check: z.enum(['format', 'issuer', 'signature', 'expiry', 'revocation']),
        passed: z.boolean(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'CredentialVerification' });

export const publicCredentialView = z.object({ credential: credentialJson, verification: verificationView });

export type AchievementList = z.infer<typeof achievementList>;
export type AwardList = z.infer<typeof awardList>;
export type AchievementWithAwards = z.infer<typeof achievementWithAwards>;
export type AwardResult = z.infer<typeof awardResult>;
export type RevokeBody = z.input<typeof revokeBody>;
export type VerificationView = z.infer<typeof verificationView>;
export type PublicCredentialView = z.infer<typeof publicCredentialView>;
