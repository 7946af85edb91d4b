import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invitation, organization, user } from '../../db/schema/index.js';

export type InvitationRow = typeof invitation.$inferSelect;

export async function insertInvitation(db: Database, row: typeof invitation.$inferInsert): Promise<InvitationRow> {
  const [created] = await db.insert(invitation).values(row).returning();
  return created as InvitationRow;
}

/** Open invitations, and ones that expired or were answered in the last 30 days, newest first. */
export async function listInvitations(db: Database, orgId: string) {
  const recent = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  return db
    .select({ invitation, inviterName: user.name })
    .from(invitation)
    .leftJoin(user, eq(user.id, invitation.invitedById))
    .where(
      and(
        eq(invitation.organizationId, orgId),
        or(and(isNull(invitation.acceptedAt), isNull(invitation.revokedAt)), gt(invitation.createdAt, recent)),
      ),
    )
    .orderBy(desc(invitation.createdAt))
    .limit(500);
}

export async function findOpenInvitation(db: Database, orgId: string, email: string) {
  const [row] = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, orgId),
        eq(invitation.email, email),
        isNull(invitation.acceptedAt),
        isNull(invitation.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function findInvitationById(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitation)
    .where(and(eq(invitation.organizationId, orgId), eq(invitation.id, id)))
    .limit(1);
  return row;
}

export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ invitation, organizationName: organization.name, inviterName: user.name })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .leftJoin(user, eq(user.id, invitation.invitedById))
    .where(eq(invitation.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function markInvitation(db: Database, id: string, change: { acceptedAt?: Date; revokedAt?: Date }) {
  await db.update(invitation).set(change).where(eq(invitation.id, id));
}
