import { z } from 'zod';
import { idParam, oneLineText } from '../../server/schemas.js';

/* The owner's side of provisioning: SCIM tokens and what the directory's groups set. Shared with the web app. */

export const scimTokenBody = z.object({
  name: oneLineText({ error: 'Name the token after the directory that uses it.' })
    .trim()
    .min(1, { error: 'Name the token after the directory that uses it.' })
    .max(100, { error: 'Keep the name under 100 characters.' }),
});

export const scimTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  madeBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedAddress: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScimTokenView = z.infer<typeof scimTokenView>;

export const groupMappings = ['departments', 'teams', 'roles'] as const;

export const scimSettings = z.object({
  /** The address to paste into Entra ID or Okta as the SCIM base URL (tenant URL). */
  baseUrl: z.string(),
  groupMapping: z.enum(groupMappings),
  adminGroup: z.string().nullable(),
  tokens: z.array(scimTokenView),
});
export type ScimSettings = z.infer<typeof scimSettings>;

/** The settings after a new group mapping, and how many memberships it changed (it applies at once). */
export const scimMappingSaved = scimSettings.extend({ membersChanged: z.number().int().nonnegative() });

export const scimMappingBody = z
  .object({
    groupMapping: z.enum(groupMappings, { error: 'Choose departments, teams or roles.' }),
    adminGroup: oneLineText().trim().max(200, { error: 'Keep the group name under 200 characters.' }).nullable(),
  })
  .refine((b) => b.groupMapping !== 'roles' || (b.adminGroup ?? '') !== '', {
    path: ['adminGroup'],
    error: "Name the directory's group whose members are L&D admins.",
  });

/** The secret is in this answer only: it is never shown again. */
export const madeScimToken = z.object({ token: scimTokenView, secret: z.string() });
export type MadeScimToken = z.infer<typeof madeScimToken>;

export const scimTokenParams = z.object({ orgId: idParam, tokenId: idParam });
