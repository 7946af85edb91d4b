import type { ScimGroupRow, ScimUserRow } from './scim.repository.js';
import { etagOf } from './scim-list.js';
import type { Doc } from './scim-resources.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './scim-schemas.js';

/* Users and groups as SCIM serves them: schemas, id, attributes, meta with the location and version. */

const meta = (resourceType: string, row: { createdAt: Date; updatedAt: Date; version: number }, location: string) => ({
  resourceType,
  created: row.createdAt.toISOString(),
  lastModified: row.updatedAt.toISOString(),
  location,
  version: etagOf(row.version),
});

/** What a user's PATCH applies to: its kept attributes as one document. */
export function userDoc(row: ScimUserRow): Doc {
  return {
    userName: row.userName,
    ...(row.externalId !== null && { externalId: row.externalId }),
    active: row.active,
    ...row.data,
  };
}

export function renderUser(base: string, row: ScimUserRow, groups: { id: string; displayName: string }[]): Doc {
  const { userName, externalId, active, ...data } = userDoc(row);
  return {
    schemas: ENTERPRISE_SCHEMA in data ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: row.id,
    ...(externalId !== undefined && { externalId }),
    userName,
    active,
    ...data,
    ...(groups.length > 0 && {
      groups: groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${base}/Groups/${g.id}` })),
    }),
    meta: meta('User', row, `${base}/Users/${row.id}`),
  };
}

export type GroupMember = { value: string; display: string | null };

export function groupDoc(row: ScimGroupRow, members: GroupMember[]): Doc {
  return {
    displayName: row.displayName,
    ...(row.externalId !== null && { externalId: row.externalId }),
    members: members.map((m) => ({ value: m.value, ...(m.display !== null && { display: m.display }) })),
  };
}

export function renderGroup(base: string, row: ScimGroupRow, members: GroupMember[]): Doc {
  const doc = groupDoc(row, members);
  const listed = (doc.members as Doc[]).map((m) => ({ ...m, $ref: `${base}/Users/${m.value}`, type: 'User' }));
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...doc,
    members: listed,
    meta: meta('Group', row, `${base}/Groups/${row.id}`),
  };
}
