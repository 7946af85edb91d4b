import { z } from 'zod';
import { oneLineText, pageLimit } from '../../server/schemas.js';
import { roleEnum } from '../orgs/index.js';

export const memberView = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleEnum,
    title: z.string().nullable(),
    /** Where they sit in the organisation, set by owners and L&D admins; insights are filtered by these. */
    team: z.string().nullable(),
    department: z.string().nullable(),
    supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
    offersMentoring: z.boolean(),
    mentoringTopics: z.array(z.string()),
    /** How many mentees they can take at once; 0 means they did not say. */
    mentoringCapacity: z.number().int(),
    mentoringAbout: z.string(),
    /** Whether they agreed to be suggested as a learning peer. */
    peerMatching: z.boolean(),
    joinedAt: z.iso.datetime(),
    /**
     * Set while the membership is suspended (by the organisation's directory): the person cannot act in the
     * organisation meanwhile. Only owners and L&D admins list suspended members; others do not see them.
     */
    suspended: z.object({ at: z.iso.datetime(), by: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof memberView>;

export const memberParams = z.object({ orgId: z.string().min(1).max(64), memberId: z.string().min(1).max(64) });

export const listMembersQuery = z.object({
  q: z.string().trim().max(100, { error: 'Search with at most 100 characters.' }).optional(),
  role: roleEnum.optional(),
  limit: pageLimit(500, 100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const memberList = z
  .object({ members: z.array(memberView), total: z.number().int() })
  .meta({ id: 'MemberList' });
export type MemberList = z.infer<typeof memberList>;

/** A team's or department's name; empty clears it. */
const groupName = (what: string) =>
  z
    .string()
    .trim()
    .max(120, { error: `${what} name has at most 120 characters.` })
    .transform((v) => v.replace(/\s+/g, ' ') || null)
    .nullable();

const version = z.number({ error: 'Send the version you edited.' }).int().min(1).optional();

/** Fields an owner or L&D admin sets on a member. */
export const updateMemberBody = z
  .object({
    role: roleEnum.optional(),
    supervisorId: z.string().min(1).max(64).nullable().optional(),
    team: groupName('A team').optional(),
    department: groupName('A department').optional(),
    version,
  })
  .refine(
    (b) => b.role !== undefined || b.supervisorId !== undefined || b.team !== undefined || b.department !== undefined,
    {
      error: 'Change the role, the supervisor, the team or the department.',
      path: ['role'],
    },
  );
export type UpdateMemberBody = z.input<typeof updateMemberBody>;

const topic = z
  .string()
  .trim()
  .min(1, { error: 'A topic cannot be empty.' })
  .max(60, { error: 'A topic has at most 60 characters.' });

/** Fields members set on themselves. */
export const updateProfileBody = z.object({
  title: oneLineText().trim().max(120, { error: 'A job title has at most 120 characters.' }).nullable().optional(),
  offersMentoring: z.boolean({ error: 'Say yes or no.' }).optional(),
  mentoringTopics: z.array(topic).max(20, { error: 'List at most 20 topics.' }).optional(),
  mentoringCapacity: z
    .number({ error: 'Give a whole number of mentees.' })
    .int({ error: 'Give a whole number of mentees.' })
    .min(0, { error: 'The number of mentees cannot be negative.' })
    .max(50, { error: 'At most 50 mentees.' })
    .optional(),
  mentoringAbout: z.string().trim().max(2000, { error: 'Say it in at most 2000 characters.' }).optional(),
  peerMatching: z.boolean({ error: 'Say yes or no.' }).optional(),
  version,
});
export type UpdateProfileBody = z.input<typeof updateProfileBody>;
