/*
 * What an API token may be allowed to do, and which routes each scope opens. A route not listed here refuses
 * every token (403): tokens reach only what was chosen for them, never sign-in, settings or token management.
 * Personal tokens act as their maker; organisation tokens act for their maker (an owner or L&D admin) in one
 * organisation, on its people, programmes and insights' aggregates only.
 */

export const PERSONAL_SCOPES = {
  'me:read': 'Read your name, e-mail and organisations',
  'plan:read': 'Read your plans: reflections, goals, network, sharing plan and history',
  'plan:write': 'Create and change your plans',
  'log:read': 'Read your learning log',
  'log:write': 'Add to and change your learning log',
} as const;

export const ORGANISATION_SCOPES = {
  'members:read': "Read the organisation's members: names, roles, supervisors, teams",
  'programmes:read': "Read the organisation's programmes and their participants' progress",
  'insights:read': "Read the organisation's insights (aggregates only, under its k)",
} as const;

export type PersonalScope = keyof typeof PERSONAL_SCOPES;
export type OrganisationScope = keyof typeof ORGANISATION_SCOPES;
export type Scope = PersonalScope | OrganisationScope;

export const personalScopeCodes = Object.keys(PERSONAL_SCOPES) as [PersonalScope, ...PersonalScope[]];
export const organisationScopeCodes = Object.keys(ORGANISATION_SCOPES) as [OrganisationScope, ...OrganisationScope[]];

const PLAN_PARTS = ['reflections', 'goals', 'network', 'shares'] as const;

/** `METHOD /route/:pattern` → the scope a token needs for it. */
export const ROUTE_SCOPES: Readonly<Record<string, Scope>> = {
  'GET /api/me': 'me:read',

  'GET /api/plans': 'plan:read',
  'GET /api/plans/:planId': 'plan:read',
  'GET /api/plans/:planId/export': 'plan:read',
  'GET /api/plans/:planId/revisions': 'plan:read',
  'POST /api/plans': 'plan:write',
  'PATCH /api/plans/:planId': 'plan:write',
  ...Object.fromEntries(
    PLAN_PARTS.flatMap((part) => [
      [`GET /api/plans/:planId/${part}`, 'plan:read'],
      [`POST /api/plans/:planId/${part}`, 'plan:write'],
      [`PATCH /api/plans/:planId/${part}/:id`, 'plan:write'],
      [`DELETE /api/plans/:planId/${part}/:id`, 'plan:write'],
    ]),
  ),

  'GET /api/log': 'log:read',
  'GET /api/log/:entryId': 'log:read',
  'POST /api/log': 'log:write',
  'PATCH /api/log/:entryId': 'log:write',
  'DELETE /api/log/:entryId': 'log:write',

  'GET /api/orgs/:orgId/members': 'members:read',
  'GET /api/orgs/:orgId/members/:memberId': 'members:read',
  'GET /api/orgs/:orgId/programmes': 'programmes:read',
  'GET /api/programmes/:programmeId': 'programmes:read',
  'GET /api/programmes/:programmeId/progress': 'programmes:read',
  'GET /api/programmes/:programmeId/progress.csv': 'programmes:read',
  'GET /api/orgs/:orgId/insights': 'insights:read',
  'GET /api/orgs/:orgId/insights/csv': 'insights:read',
};

export const scopeOfRoute = (method: string, url: string | undefined): Scope | undefined =>
  url ? ROUTE_SCOPES[`${method} ${url}`] : undefined;
