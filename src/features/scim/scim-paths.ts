/*
 * SCIM endpoints as directories spell them: Microsoft's reference client asks for `/users`, `/Users/?filter=…`
 * and `/serviceConfiguration`. Read before routing (Fastify's `rewriteUrl`), so each endpoint is one route.
 */

const ENDPOINTS: Record<string, string> = {
  users: 'Users',
  groups: 'Groups',
  schemas: 'Schemas',
  resourcetypes: 'ResourceTypes',
  serviceproviderconfig: 'ServiceProviderConfig',
  serviceproviderconfigs: 'ServiceProviderConfig',
  serviceconfiguration: 'ServiceProviderConfig',
};

/** The URL with its SCIM endpoint spelled as routed (any other URL unchanged). */
export function canonicalScimUrl(url: string): string {
  const match = /^\/scim\/v2\/([A-Za-z]+)(\/?)([^?]*)(\?.*)?$/i.exec(url);
  if (!match || !/^\/scim\/v2\//i.test(url)) return url;
  const [, endpoint = '', slash = '', rest = '', query = ''] = match;
  const named = ENDPOINTS[endpoint.toLowerCase()];
  if (!named) return url;
  // `/Users/` with nothing after it is the list itself.
  const tail = rest === '' ? '' : `${slash}${rest}`;
  return `/scim/v2/${named}${tail}${query}`;
}
