// Shapes of the API's answers (see /api/openapi.json); kept apart from the server code so none is bundled.
export type Role = 'owner' | 'admin' | 'member';
export interface User {
  id: string;
  name: string;
  email: string;
}
export interface Membership {
  organizationId: string;
  organizationName: string;
  memberId: string;
  role: Role;
}
export interface Me {
  user: User;
  memberships: Membership[];
  outbox: boolean;
}
export interface Org {
  id: string;
  name: string;
  createdAt: string;
  memberCount: number;
  /** Days a removed member's data is kept for them to download, then erased. */
  removedDataDays: number;
  yourRole: Role;
  yourMemberId: string;
}
export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  title: string | null;
  /** Where they sit in the organisation (set by owners and L&D admins); insights can be filtered by these. */
  team: string | null;
  department: string | null;
  supervisor: { id: string; name: string } | null;
  offersMentoring: boolean;
  mentoringTopics: string[];
  mentoringCapacity: number;
  mentoringAbout: string;
  peerMatching: boolean;
  joinedAt: string;
  version: number;
}
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: 'pending' | 'expired' | 'accepted' | 'revoked';
  invitedBy: string | null;
  expiresAt: string;
  createdAt: string;
  url?: string;
}
export interface InvitationPreview {
  organizationName: string;
  invitedBy: string | null;
  email: string;
  role: Role;
  status: Invitation['status'];
  expiresAt: string;
}
export const roleLabel: Record<Role, string> = { owner: 'Owner', admin: 'L&D admin', member: 'Member' };
