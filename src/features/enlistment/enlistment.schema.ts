import { z } from 'zod';
import { enlistmentRequestStates } from '../../db/schema/collaboration.js';
import { idParam } from '../../server/schemas.js';

/*
 * Enlistment requests ("would you mentor me on X?"): sent from a network entry naming a member of the
 * organisation, answered by that member; on acceptance they may comment on the goals the entry helps with.
 */

const note = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(2000, { error: `Keep the ${what.toLowerCase()} to 2000 characters.` });

export const enlistParams = z.object({ planId: idParam, entryId: idParam });
export const enlistBody = z.object({ message: note('Message').optional() });
export type EnlistInput = z.infer<typeof enlistBody>;

export const requestParams = z.object({ id: idParam });
/** The asked member's answer, with an optional note for the learner. */
export const respondBody = z.object({ response: note('Response').optional() });
export type RespondInput = z.infer<typeof respondBody>;

export const enlistmentsQuery = z.object({ orgId: idParam });

export const requestStateEnum = z.enum(enlistmentRequestStates);
export type RequestState = z.infer<typeof requestStateEnum>;

/**
 * A request as one of its two people sees it. The learner sees the network entry it was sent from; the asked
 * member sees no more of the plan than the wording of the goals it is about, and that only while the request
 * is pending or accepted.
 */
export const enlistmentView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    planId: z.string(),
    /** Which side the viewer is on: the learner who asked, or the mentor who was asked. */
    role: z.enum(['learner', 'mentor']),
    learner: z.object({ name: z.string() }),
    mentor: z.object({ name: z.string() }),
    /** The network entry the request was sent from (shown to the learner only). */
    entry: z.object({ id: z.string(), name: z.string() }).nullable(),
    goals: z.array(z.object({ id: z.string(), what: z.string() })),
    message: z.string(),
    response: z.string(),
    state: requestStateEnum,
    createdAt: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'EnlistmentRequest' });
export type EnlistmentView = z.infer<typeof enlistmentView>;

export const enlistmentLists = z.object({
  /** Requests asking me to mentor someone, newest first. */
  incoming: z.array(enlistmentView),
  /** Requests I sent from my plans' network entries, newest first. */
  outgoing: z.array(enlistmentView),
});
export type EnlistmentLists = z.infer<typeof enlistmentLists>;
