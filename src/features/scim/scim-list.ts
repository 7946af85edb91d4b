import { badRequest, ScimError } from './scim-errors.js';
import { type Filter, matches, parseFilter, type ResourceSchema } from './scim-filter.js';
import { type Doc, project } from './scim-resources.js';

/*
 * What lists, reads and writes share: the query (filter, startIndex, count, attributes), the ListResponse,
 * ETags (`W/"<version>"`, If-Match and If-None-Match).
 */

export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const MAX_COUNT = 200;

export interface ListQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  attributes?: string;
  excludedAttributes?: string;
}

export interface Page {
  filter?: Filter;
  /** 0-based offset. */
  offset: number;
  limit: number;
}

export function pageOf(schema: ResourceSchema, query: ListQuery): Page {
  const startIndex = query.startIndex === undefined ? 1 : Number.parseInt(query.startIndex, 10);
  const count = query.count === undefined ? 100 : Number.parseInt(query.count, 10);
  if (Number.isNaN(startIndex) || Number.isNaN(count)) {
    throw badRequest('invalidValue', 'startIndex and count must be whole numbers.');
  }
  return {
    filter: query.filter ? parseFilter(schema, query.filter) : undefined,
    // RFC 7644 §3.4.2.4: below 1 is read as 1, a negative count as 0.
    offset: Math.max(startIndex, 1) - 1,
    limit: Math.min(Math.max(count, 0), MAX_COUNT),
  };
}

/**
 * What the filter pins down with `attr eq "value"` at its top level (through `and` only): the list reads only
 * those rows (an index each) before the whole filter is applied to them.
 */
export function pinned(filter: Filter | undefined, names: string[]): Record<string, string> {
  if (!filter) return {};
  if (filter.op === 'and') return { ...pinned(filter.left, names), ...pinned(filter.right, names) };
  if (filter.op === 'eq' && !filter.path.scope && !filter.path.sub && typeof filter.value === 'string') {
    if (names.includes(filter.path.attr.name)) return { [filter.path.attr.name]: filter.value };
  }
  return {};
}

export function listResponse(schema: ResourceSchema, docs: Doc[], total: number, page: Page, query: ListQuery) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex: page.offset + 1,
    itemsPerPage: docs.length,
    Resources: docs.map((d) => project(schema, d, query)),
  };
}

/** Filters (in memory) and pages docs already narrowed in SQL. */
export function filterAndPage(docs: Doc[], page: Page) {
  const found = page.filter ? docs.filter((d) => matches(d, page.filter as Filter)) : docs;
  return { total: found.length, docs: found.slice(page.offset, page.offset + page.limit) };
}

export const etagOf = (version: number) => `W/"${version}"`;

/** If-Match: a write to an older version than the client holds is refused with 412 (RFC 7644 §3.14). */
export function checkIfMatch(ifMatch: string | undefined, version: number) {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((t) => t.trim());
  if (!tags.includes(etagOf(version)) && !tags.includes(`"${version}"`)) {
    throw new ScimError(412, 'The resource changed since you read it (its ETag no longer matches).');
  }
}
