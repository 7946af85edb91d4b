import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, recognitionRequest } from '../../db/schema/index.js';
import type { MembershipRow } from './access.repository.js';

/*
 * What the gate reads about a request for recognition: the request and who its learner's supervisor is now.
 * Its approvers are that supervisor and the organisation's L&D admins and owners, never the learner themself.
 */

export type RecognitionRecord = typeof recognitionRequest.$inferSelect & { learnerSupervisorId: string | null };

export async function findRecognitionRequest(db: Database, requestId: string): Promise<RecognitionRecord | undefined> {
  const [row] = await db
    .select({ request: recognitionRequest, learnerSupervisorId: membership.supervisorId })
    .from(recognitionRequest)
    .innerJoin(membership, eq(membership.id, recognitionRequest.learnerMemberId))
    .where(eq(recognitionRequest.id, requestId))
    .limit(1);
  return row && { ...row.request, learnerSupervisorId: row.learnerSupervisorId };
}

/** Whether `me` decides on requests of the learner whose supervisor is `learnerSupervisorId`. */
export function approvesFor(me: MembershipRow, learner: { memberId: string; supervisorId: string | null }) {
  return me.id !== learner.memberId && (me.role === 'owner' || me.role === 'admin' || learner.supervisorId === me.id);
}
