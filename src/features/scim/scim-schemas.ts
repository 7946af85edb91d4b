/*
 * The attributes Waymark keeps for SCIM Users and Groups (RFC 7643 §4, §8.7.1): served at /Schemas, and used to
 * read what directories send. Attribute names are matched without case (`Primary`, `name.FamilyName`); what is
 * kept carries the schema's own names; attributes the schemas do not define are dropped, as the RFC allows.
 */

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface Attribute {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime' | 'decimal' | 'integer';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable';
  uniqueness?: 'none' | 'server';
  description: string;
  subAttributes?: Attribute[];
  /** Other names directories send it under (Microsoft's reference sends a member's `displayName`). */
  aliases?: string[];
}

const str = (name: string, description: string, extra: Partial<Attribute> = {}): Attribute => ({
  name,
  type: 'string',
  description,
  ...extra,
});
const bool = (name: string, description: string): Attribute => ({ name, type: 'boolean', description });

/** value, display, type and primary: the shape of emails, phone numbers, ims, photos, roles, entitlements. */
const multi = (name: string, description: string, more: Attribute[] = []): Attribute => ({
  name,
  type: 'complex',
  multiValued: true,
  description,
  subAttributes: [
    str('value', `The ${name} value.`),
    str('display', 'A name for display.'),
    str('type', 'A label: work, home, other, ...'),
    bool('primary', 'The preferred one.'),
    ...more,
  ],
});

export const userAttributes: Attribute[] = [
  str('userName', 'The unique identifier the directory gives the person; Waymark matches it without case.', {
    required: true,
    uniqueness: 'server',
  }),
  {
    name: 'name',
    type: 'complex',
    description: "The components of the person's name.",
    subAttributes: [
      str('formatted', 'The full name.'),
      str('familyName', 'The family name.'),
      str('givenName', 'The given name.'),
      str('middleName', 'The middle name.'),
      str('honorificPrefix', 'A title before the name.'),
      str('honorificSuffix', 'A suffix after the name.'),
    ],
  },
  str('displayName', 'The name shown in Waymark.'),
  str('nickName', 'A casual name.'),
  str('profileUrl', "The person's profile page.", { type: 'reference' }),
  str('title', 'Job title: shown on the membership.'),
  str('userType', 'Employee, contractor, ...'),
  str('preferredLanguage', 'Preferred written language.'),
  str('locale', 'Default location for formatting.'),
  str('timezone', 'Time zone (IANA).'),
  bool('active', 'false suspends the membership at once; true restores it.'),
  multi('emails', 'E-mail addresses: the primary (or work) one is the Waymark account.'),
  multi('phoneNumbers', 'Phone numbers.'),
  multi('ims', 'Instant messaging addresses.'),
  multi('photos', 'Photos.'),
  {
    name: 'addresses',
    type: 'complex',
    multiValued: true,
    description: 'Physical mailing addresses.',
    subAttributes: [
      str('formatted', 'The full address.'),
      str('streetAddress', 'Street.'),
      str('locality', 'City.'),
      str('region', 'State or region.'),
      str('postalCode', 'Postal code.'),
      str('country', 'Country.'),
      str('type', 'work, home, other.'),
      bool('primary', 'The preferred one.'),
    ],
  },
  {
    name: 'groups',
    type: 'complex',
    multiValued: true,
    mutability: 'readOnly',
    description: 'The groups the person is in (set through Groups).',
    subAttributes: [str('value', 'Group id.'), str('display', 'Group name.'), str('$ref', 'Group URI.')],
  },
  multi('entitlements', 'Entitlements.'),
  multi('roles', 'Roles.'),
  multi('x509Certificates', 'Certificates.'),
];

export const enterpriseAttributes: Attribute[] = [
  str('employeeNumber', 'Employee number.'),
  str('costCenter', 'Cost centre.'),
  str('organization', 'Organisation.'),
  str('division', 'Division.'),
  str('department', 'Department.'),
  {
    name: 'manager',
    type: 'complex',
    description: "The person's manager.",
    subAttributes: [str('value', 'Manager id.'), str('$ref', 'Manager URI.'), str('displayName', 'Manager name.')],
  },
];

export const groupAttributes: Attribute[] = [
  str('displayName', 'The group name: what it sets on its members follows the organisation’s mapping.', {
    required: true,
  }),
  {
    name: 'members',
    type: 'complex',
    multiValued: true,
    description: 'The people in the group (User ids of this organisation).',
    subAttributes: [
      str('value', 'User id.'),
      { ...str('display', 'A name for display.'), aliases: ['displayName'] },
      str('$ref', 'User URI.'),
    ],
  },
];

/** The attributes every resource has, which clients may name in filters and `attributes=`. */
export const commonAttributes: Attribute[] = [
  str('id', 'Waymark’s id.', { mutability: 'readOnly', caseExact: true }),
  str('externalId', 'The directory’s own id.', { caseExact: true }),
  {
    name: 'meta',
    type: 'complex',
    mutability: 'readOnly',
    description: 'Resource metadata.',
    subAttributes: [
      str('resourceType', 'User or Group.'),
      { name: 'created', type: 'dateTime', description: 'When it was made.' },
      { name: 'lastModified', type: 'dateTime', description: 'When it last changed.' },
      str('location', 'Its URI.'),
      str('version', 'Its ETag.'),
    ],
  },
];

/** The attribute with this name among `list`, whatever its case. */
export const findAttribute = (list: Attribute[], name: string) => {
  const lower = name.toLowerCase();
  return list.find((a) => a.name.toLowerCase() === lower || a.aliases?.some((n) => n.toLowerCase() === lower));
};
