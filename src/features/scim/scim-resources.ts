import { badRequest } from './scim-errors.js';
import { type AttrPath, matchesElement, parseFilter, type ResourceSchema, resolvePath } from './scim-filter.js';
import { type Attribute, findAttribute } from './scim-schemas.js';

/*
 * What directories send, read into what Waymark keeps: attribute names as the schema spells them (matched
 * without case), booleans from true/false or the strings "True"/"False" (Entra ID sends those), unknown
 * attributes and read-only ones (id, meta, groups) dropped, nulls as unassigned. And what is served back, cut to
 * `attributes=` or without `excludedAttributes=`.
 */

export type Doc = Record<string, unknown>;

const READ_ONLY = new Set(['id', 'meta', 'schemas', 'groups']);

export function coerce(attr: Attribute, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (attr.multiValued) {
    const list = Array.isArray(value) ? value : [value];
    const items = list
      .map((v, i) => coerce({ ...attr, multiValued: false }, v, `${where}[${i}]`))
      .filter((v) => v !== undefined);
    return items;
  }
  switch (attr.type) {
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw badRequest('invalidValue', `${where} must be true or false.`);
    }
    case 'complex': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        // A multi-valued complex attribute given bare values (`"members": "id"`): the value of one element.
        if (attr.subAttributes?.some((s) => s.name === 'value') && typeof value === 'string') return { value };
        throw badRequest('invalidValue', `${where} must be an object.`);
      }
      return readAttributes(attr.subAttributes ?? [], value as Doc, where);
    }
    case 'integer':
    case 'decimal':
      if (typeof value === 'number') return value;
      throw badRequest('invalidValue', `${where} must be a number.`);
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw badRequest('invalidValue', `${where} must be a string.`);
  }
}

function readAttributes(attrs: Attribute[], input: Doc, prefix = ''): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(input)) {
    const attr = findAttribute(attrs, key);
    if (!attr || (prefix === '' && READ_ONLY.has(attr.name))) continue;
    const coerced = coerce(attr, value, prefix ? `${prefix}.${attr.name}` : attr.name);
    if (coerced !== undefined) out[attr.name] = coerced;
  }
  return out;
}

/** A resource as sent (POST, PUT), read into what is kept; not an object at all is a 400. */
export function readResource(schema: ResourceSchema, input: unknown): Doc {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badRequest('invalidSyntax', 'The body must be a JSON object.');
  }
  const out = readAttributes([...schema.attributes, ...commonAttributesWritable], input as Doc);
  for (const [urn, attrs] of Object.entries(schema.extensions)) {
    const key = Object.keys(input).find((k) => k.toLowerCase() === urn.toLowerCase());
    const ext = key ? (input as Doc)[key] : undefined;
    if (ext === undefined || ext === null) continue;
    if (typeof ext !== 'object' || Array.isArray(ext)) throw badRequest('invalidValue', `${urn} must be an object.`);
    const read = readAttributes(attrs, ext as Doc, urn);
    if (Object.keys(read).length > 0) out[urn] = read;
  }
  return out;
}

const commonAttributesWritable: Attribute[] = [
  { name: 'externalId', type: 'string', caseExact: true, description: 'The directory’s own id.' },
];

/** Splits `attributes=a,b[type eq "x"],c` at the commas outside brackets and quotes. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '[') depth++;
    if (!quoted && c === ']') depth--;
    if (c === ',' && depth === 0 && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter(Boolean);
}

interface Selection {
  path: AttrPath;
  /** `emails[type eq "work"]`: only the elements that match. */
  elements?: ReturnType<typeof parseFilter>;
}

function selectionsOf(schema: ResourceSchema, text: string): Selection[] {
  return splitList(text).map((part) => {
    const open = part.indexOf('[');
    if (open < 0) return { path: resolvePath(schema, part) };
    const path = resolvePath(schema, part.slice(0, open));
    return { path, elements: parseFilter(schema, part.slice(open + 1, part.lastIndexOf(']')), path) };
  });
}

const ALWAYS = ['schemas', 'id', 'meta'];

function holderOf(doc: Doc, path: AttrPath): Doc | undefined {
  return path.scope ? (doc[path.scope] as Doc | undefined) : doc;
}

/** The resource cut to what `attributes=` asks for, or without what `excludedAttributes=` names. */
export function project(
  schema: ResourceSchema,
  doc: Doc,
  query: { attributes?: string; excludedAttributes?: string },
): Doc {
  if (query.attributes) {
    const out: Doc = Object.fromEntries(ALWAYS.filter((k) => k in doc).map((k) => [k, doc[k]]));
    for (const { path, elements } of selectionsOf(schema, query.attributes)) {
      const from = holderOf(doc, path);
      let value = from?.[path.attr.name];
      if (value === undefined) continue;
      if (elements && Array.isArray(value)) value = value.filter((e) => matchesElement(e as Doc, path, elements));
      if (path.sub) {
        const subName = path.sub.name;
        value = Array.isArray(value)
          ? value.map((e) => ({ [subName]: (e as Doc)[subName] }))
          : { [subName]: (value as Doc)[subName] };
      }
      const into = path.scope ? ((out[path.scope] as Doc | undefined) ?? {}) : out;
      into[path.attr.name] = value;
      if (path.scope) out[path.scope] = into;
    }
    return out;
  }
  if (query.excludedAttributes) {
    const out: Doc = structuredClone(doc);
    for (const { path } of selectionsOf(schema, query.excludedAttributes)) {
      if (ALWAYS.includes(path.attr.name)) continue;
      const from = holderOf(out, path);
      if (!from) continue;
      if (path.sub) {
        const value = from[path.attr.name];
        for (const e of Array.isArray(value) ? value : [value]) if (e) delete (e as Doc)[path.sub.name];
      } else delete from[path.attr.name];
    }
    return out;
  }
  return doc;
}
