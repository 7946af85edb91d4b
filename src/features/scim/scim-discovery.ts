import { LIST_SCHEMA, MAX_COUNT } from './scim-list.js';
import {
  type Attribute,
  ENTERPRISE_SCHEMA,
  enterpriseAttributes,
  GROUP_SCHEMA,
  groupAttributes,
  USER_SCHEMA,
  userAttributes,
} from './scim-schemas.js';

/* What a directory reads to learn what Waymark supports (RFC 7643 §5–7): the same for every organisation. */

const CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export function serviceProviderConfig(base: string): Record<string, unknown> {
  return {
    schemas: [CONFIG_SCHEMA],
    documentationUri: `${base.replace(/\/scim\/v2$/, '')}/api/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'SCIM token',
        description: "A bearer token made by the organisation's owner in Waymark (Organisation → Provisioning).",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account: a person and their membership of the organisation',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group: sets a department, team or role on its members',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

function describe(attr: Attribute): Record<string, unknown> {
  return {
    name: attr.name,
    type: attr.type,
    multiValued: attr.multiValued ?? false,
    description: attr.description,
    required: attr.required ?? false,
    caseExact: attr.caseExact ?? false,
    mutability: attr.mutability ?? 'readWrite',
    returned: 'default',
    uniqueness: attr.uniqueness ?? 'none',
    ...(attr.subAttributes && { subAttributes: attr.subAttributes.map(describe) }),
  };
}

export function schemas(base: string) {
  const one = (id: string, name: string, description: string, attributes: Attribute[]) => ({
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description,
    attributes: attributes.map(describe),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  });
  return [
    one(USER_SCHEMA, 'User', 'User Account', userAttributes),
    one(ENTERPRISE_SCHEMA, 'EnterpriseUser', 'Enterprise User', enterpriseAttributes),
    one(GROUP_SCHEMA, 'Group', 'Group', groupAttributes),
  ];
}

export const listOf = (resources: object[]): Record<string, unknown> => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
