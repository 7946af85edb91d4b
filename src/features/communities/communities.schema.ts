import { z } from 'zod';
import { oneLineText } from '../../server/schemas.js';

/*
 * Communities of practice: people learning around one topic, with their posts. Anyone in the organisation
 * may start one or join; L&D admins feature some for everyone to find.
 */

const id = z.string().min(1).max(64);

export const communityParams = z.object({ communityId: id });
export const listCommunitiesQuery = z.object({ orgId: id });

export const createCommunityBody = z.object({
  organizationId: id,
  name: oneLineText({ error: 'Name the community.' })
    .trim()
    .min(2, { error: 'Name the community (at least 2 characters).' })
    .max(80, { error: 'Keep the name under 80 characters.' }),
  topic: z
    .string({ error: 'Give the topic it is about.' })
    .trim()
    .min(2, { error: 'Give the topic it is about.' })
    .max(60, { error: 'Keep the topic under 60 characters.' }),
  description: z.string().trim().max(2000, { error: 'Keep the description under 2,000 characters.' }).default(''),
});
export type CreateCommunityBody = z.input<typeof createCommunityBody>;

export const updateCommunityBody = z.object({
  featured: z.boolean({ error: 'Featured is yes or no.' }),
});
export type UpdateCommunityBody = z.input<typeof updateCommunityBody>;

export const communityView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    topic: z.string(),
    description: z.string(),
    featured: z.boolean(),
    memberCount: z.number().int(),
    postCount: z.number().int(),
    joined: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Community' });
export type CommunityView = z.infer<typeof communityView>;
export const communityList = z.object({ communities: z.array(communityView) });
export type CommunityList = z.infer<typeof communityList>;

export const communityMembers = z.object({
  members: z.array(
    z.object({ memberId: z.string(), name: z.string(), title: z.string().nullable(), joinedAt: z.iso.datetime() }),
  ),
});
export type CommunityMembers = z.infer<typeof communityMembers>;
