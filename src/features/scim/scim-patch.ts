import { badRequest } from './scim-errors.js';
import { type Filter, matchesElement, type PatchPath, parsePatchPath, type ResourceSchema } from './scim-filter.js';
import { coerce, type Doc } from './scim-resources.js';

/*
 * SCIM PATCH (RFC 7644 §3.5.2) on a resource as kept: add, replace and remove in the shapes Entra ID and Okta
 * send — ops in any case ("Replace"), a value object without a path (`{"active": false}`), sub-attribute and
 * value-filter paths (`name.givenName`, `emails[type eq "work"].value`, `members[value eq "…"]`), extension
 * URNs, members removed by a value list, string booleans. The result is a new document; nothing is kept unless
 * every operation applies.
 */

export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Op = 'add' | 'replace' | 'remove';
interface Operation {
  op: Op;
  path?: string;
  value?: unknown;
}

function readOperations(body: unknown): Operation[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalidSyntax', 'The body must be a PatchOp object.');
  }
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'operations');
  const ops = key ? (body as Doc)[key] : undefined;
  if (!Array.isArray(ops) || ops.length === 0) throw badRequest('invalidSyntax', 'Operations must be a list.');
  return ops.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null)
      throw badRequest('invalidSyntax', `Operations[${i}] is not an object.`);
    const entry = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const op = typeof entry.op === 'string' ? entry.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw badRequest('invalidSyntax', `Operations[${i}].op must be add, replace or remove.`);
    }
    if (entry.path !== undefined && typeof entry.path !== 'string') {
      throw badRequest('invalidPath', `Operations[${i}].path must be a string.`);
    }
    return { op, path: entry.path || undefined, value: entry.value };
  });
}

const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

/** `type eq "work"`: what a new element gets when an add or replace through a filter finds none. */
function seedOf(filter: Filter): Doc | undefined {
  if (filter.op === 'eq' && filter.path.sub) return { [filter.path.sub.name]: filter.value };
  if (filter.op === 'and') {
    const left = seedOf(filter.left);
    const right = seedOf(filter.right);
    return left && right ? { ...left, ...right } : undefined;
  }
  return undefined;
}

function sameValue(a: unknown, b: unknown) {
  const x = (a as Doc | undefined)?.value;
  const y = (b as Doc | undefined)?.value;
  return x !== undefined && typeof x === typeof y && String(x).toLowerCase() === String(y).toLowerCase();
}

function applyOne(schema: ResourceSchema, doc: Doc, op: Op, target: PatchPath, value: unknown) {
  const { path, filter } = target;
  const attr = path.attr;
  if (READ_ONLY.has(attr.name) && !path.scope) throw badRequest('mutability', `${attr.name} cannot be changed.`);
  if (op !== 'remove' && value === undefined) throw badRequest('invalidValue', `No value to ${op} at ${attr.name}.`);
  const holder: Doc = path.scope ? ((doc[path.scope] as Doc | undefined) ?? {}) : doc;
  if (path.scope) doc[path.scope] = holder;
  const name = attr.name;
  const sub = target.sub ?? path.sub;

  if (filter) {
    const list = Array.isArray(holder[name]) ? (holder[name] as Doc[]) : [];
    const hit = (e: Doc) => matchesElement(e, path, filter);
    if (op === 'remove') {
      holder[name] = sub ? list.map((e) => (hit(e) ? omit(e, sub.name) : e)) : list.filter((e) => !hit(e));
      return;
    }
    const matching = list.filter(hit);
    const seed = seedOf(filter);
    if (sub) {
      const v = coerce(sub, value, `${name}.${sub.name}`);
      if (matching.length > 0) for (const e of matching) e[sub.name] = v;
      else if (seed) list.push({ ...seed, [sub.name]: v });
      else throw badRequest('noTarget', `No ${name} matches the filter.`);
    } else {
      const v = coerce({ ...attr, multiValued: false }, value, name) as Doc;
      if (matching.length > 0) for (const e of matching) Object.assign(e, v);
      else if (seed) list.push({ ...seed, ...v });
      else throw badRequest('noTarget', `No ${name} matches the filter.`);
    }
    holder[name] = list;
    return;
  }

  if (sub) {
    const items = attr.multiValued ? ((holder[name] as Doc[] | undefined) ?? []) : undefined;
    if (items) {
      for (const e of items) {
        if (op === 'remove') delete e[sub.name];
        else e[sub.name] = coerce(sub, value, `${name}.${sub.name}`);
      }
      return;
    }
    const obj = (holder[name] as Doc | undefined) ?? {};
    if (op === 'remove') delete obj[sub.name];
    else {
      const v = coerce(sub, value, `${name}.${sub.name}`);
      if (v === undefined) delete obj[sub.name];
      else obj[sub.name] = v;
    }
    holder[name] = obj;
    return;
  }

  if (op === 'remove') {
    if (attr.multiValued && value !== undefined && value !== null) {
      const gone = coerce(attr, value, name) as Doc[];
      const list = (holder[name] as Doc[] | undefined) ?? [];
      holder[name] = list.filter((e) => !gone.some((g) => sameValue(e, g)));
    } else delete holder[name];
    return;
  }
  const v = coerce(attr, value, name);
  if (v === undefined) {
    delete holder[name];
  } else if (attr.multiValued && op === 'add') {
    const list = [...((holder[name] as Doc[] | undefined) ?? [])];
    for (const item of v as Doc[]) {
      const same = list.findIndex((e) => sameValue(e, item));
      if (same >= 0) list[same] = { ...list[same], ...item };
      else list.push(item);
    }
    holder[name] = list;
  } else if (attr.type === 'complex' && !attr.multiValued) {
    holder[name] = { ...((holder[name] as Doc | undefined) ?? {}), ...(v as Doc) };
  } else {
    holder[name] = v;
  }
  void schema;
}

function omit(e: Doc, key: string): Doc {
  const { [key]: _gone, ...rest } = e;
  return rest;
}

/** Applies a PatchOp body to a copy of `doc` (the resource as kept); a bad operation is a 400 naming it. */
export function applyPatch(schema: ResourceSchema, doc: Doc, body: unknown): Doc {
  const next = structuredClone(doc);
  for (const { op, path, value } of readOperations(body)) {
    if (path) {
      applyOne(schema, next, op, parsePatchPath(schema, path), value);
      continue;
    }
    if (op === 'remove') throw badRequest('noTarget', 'A remove operation needs a path.');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest('invalidValue', `An ${op} without a path needs an object of attributes.`);
    }
    for (const [key, v] of Object.entries(value)) {
      const urn = Object.keys(schema.extensions).find((u) => u.toLowerCase() === key.toLowerCase());
      if (urn && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const [extKey, extValue] of Object.entries(v)) {
          applyOne(schema, next, op, parsePatchPath(schema, `${urn}:${extKey}`), extValue);
        }
      } else if (!['schemas', 'id', 'meta'].includes(key.toLowerCase())) {
        applyOne(schema, next, op, parsePatchPath(schema, key), v);
      }
    }
  }
  for (const urn of Object.keys(schema.extensions)) {
    const ext = next[urn] as Doc | undefined;
    if (ext && Object.keys(ext).length === 0) delete next[urn];
  }
  return next;
}
