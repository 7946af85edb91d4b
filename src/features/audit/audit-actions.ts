/*
 * Every act the audit log records, with how it is said to the organisation's owners and admins. A stable code
 * is stored (filters and exports use it); the words live here so they can change without touching old rows.
 */
export const AUDIT_ACTIONS = {
  'auth.signed_in': 'Signed in with a password',
  'auth.sign_in_failed': 'A sign-in with a wrong password',
  'auth.password_refused_sso': 'A password sign-in refused: single sign-on is required',
  'auth.recovery_sign_in': 'An owner signed in with a password although single sign-on is required (recovery)',
  'sso.signed_in': 'Signed in with single sign-on',
  'sso.sign_in_failed': 'A single sign-on that failed',
  'sso.joined': 'Joined by signing in with single sign-on',
  'sso.configured': 'Changed the single sign-on settings',
  'sso.removed': 'Removed single sign-on',
  'sso.domain_claimed': 'Claimed a domain',
  'sso.domain_verified': 'Verified a domain',
  'sso.domain_removed': 'Removed a domain',
  'member.role_changed': 'Changed a role',
  'member.supervisor_changed': 'Changed a supervisor',
  'member.removed': 'Removed a member',
  'member.left': 'Left the organisation',
  'insights.k_raised': 'Raised the smallest group insights show (k)',
  'export.insights_csv': 'Downloaded insights as CSV',
  'export.programme_progress_csv': "Downloaded a programme's progress as CSV",
  'export.audit_csv': 'Downloaded the audit log as CSV',
  'badges.key_rotated': 'Rotated the badge signing key',
  'badges.award_revoked': 'Revoked a badge',
  'audit.retention_changed': 'Changed how long the audit log is kept',
  'token.created': 'Made an API token',
  'token.revoked': 'Revoked an API token',
  'scim.token_created': 'Made a SCIM provisioning token',
  'scim.token_revoked': 'Revoked a SCIM provisioning token',
  'scim.mapping_changed': "Changed what the directory's groups set",
  'scim.user_provisioned': 'The directory provisioned a person',
  'scim.user_updated': "The directory updated a person's details",
  'scim.user_suspended': "The directory suspended a person's access",
  'scim.user_reactivated': "The directory restored a person's access",
  'scim.user_removed': 'The directory removed a person',
  'scim.group_created': 'The directory made a group',
  'scim.group_updated': 'The directory changed a group',
  'scim.group_removed': 'The directory removed a group',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const auditActionCodes = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
