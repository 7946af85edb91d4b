import { badRequest } from './scim-errors.js';
import {
  type Attribute,
  commonAttributes,
  ENTERPRISE_SCHEMA,
  enterpriseAttributes,
  findAttribute,
  GROUP_SCHEMA,
  groupAttributes,
  USER_SCHEMA,
  userAttributes,
} from './scim-schemas.js';

/*
 * SCIM filters (RFC 7644 §3.4.2.2) and attribute paths (§3.5.2): parsed into a tree, attribute names resolved
 * against the resource's schema without case, and evaluated on a resource as served. The whole grammar: eq ne
 * co sw ew gt ge lt le pr, and/or/not with parentheses, value paths (`emails[type eq "work"]`), schema URNs.
 * Directories also send bare words where the RFC wants quotes (`userName sw O`): read as strings.
 */

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type Literal = string | number | boolean | null;

/** An attribute path resolved against the schema: the top attribute (with its scope) and a sub-attribute. */
export interface AttrPath {
  /** `undefined` for the core schema, else the extension's URN. */
  scope?: string;
  attr: Attribute;
  sub?: Attribute;
}

export type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; filter: Filter }
  | { op: 'pr'; path: AttrPath }
  | { op: CompareOp; path: AttrPath; value: Literal }
  | { op: 'valuePath'; path: AttrPath; filter: Filter };

export interface ResourceSchema {
  core: string;
  attributes: Attribute[];
  extensions: Record<string, Attribute[]>;
}

/** Resolves `name.sub` or `urn:…:attr.sub` (any case) to the schema's attributes; unknown names are invalid. */
export function resolvePath(schema: ResourceSchema, text: string, within?: AttrPath): AttrPath {
  if (within) {
    const sub = findAttribute(within.attr.subAttributes ?? [], text);
    if (!sub) throw badRequest('invalidPath', `${within.attr.name} has no sub-attribute "${text}".`);
    return { ...within, sub };
  }
  let scope: string | undefined;
  let rest = text;
  const lower = text.toLowerCase();
  for (const urn of [schema.core, ...Object.keys(schema.extensions)]) {
    if (lower.startsWith(`${urn.toLowerCase()}:`)) {
      scope = urn === schema.core ? undefined : urn;
      rest = text.slice(urn.length + 1);
    }
  }
  const [name, subName, ...more] = rest.split('.');
  const list = scope ? (schema.extensions[scope] ?? []) : [...schema.attributes, ...commonAttributes];
  const attr = name ? findAttribute(list, name) : undefined;
  if (!attr || more.length > 0) throw badRequest('invalidPath', `"${text}" is not an attribute of this resource.`);
  if (subName === undefined) return { scope, attr };
  return resolvePath(schema, subName, { scope, attr });
}

export const userSchema: ResourceSchema = {
  core: USER_SCHEMA,
  attributes: userAttributes,
  extensions: { [ENTERPRISE_SCHEMA]: enterpriseAttributes },
};
export const groupSchema: ResourceSchema = { core: GROUP_SCHEMA, attributes: groupAttributes, extensions: {} };

type Token = { kind: 'word' | 'string' | '(' | ')' | '[' | ']'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
    } else if ('()[]'.includes(c)) {
      tokens.push({ kind: c as Token['kind'], text: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== '"') {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        text += input[j];
        j++;
      }
      if (j >= input.length) throw badRequest('invalidFilter', 'A quoted value in the filter is not closed.');
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !' \t()[]"'.includes(input[j] as string)) j++;
      tokens.push({ kind: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

const compareOps = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

function literalOf(token: Token | undefined): Literal {
  if (!token || (token.kind !== 'string' && token.kind !== 'word')) {
    throw badRequest('invalidFilter', 'A comparison in the filter has no value.');
  }
  if (token.kind === 'string') return token.text;
  const lower = token.text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  return token.text;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly schema: ResourceSchema,
  ) {}

  parse(within?: AttrPath): Filter {
    const filter = this.or(within);
    if (this.at < this.tokens.length) {
      throw badRequest('invalidFilter', `Unexpected "${this.tokens[this.at]?.text}" in the filter.`);
    }
    return filter;
  }

  private peekWord(word: string) {
    const t = this.tokens[this.at];
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  }

  private or(within?: AttrPath): Filter {
    let left = this.and(within);
    while (this.peekWord('or')) {
      this.at++;
      left = { op: 'or', left, right: this.and(within) };
    }
    return left;
  }

  private and(within?: AttrPath): Filter {
    let left = this.unary(within);
    while (this.peekWord('and')) {
      this.at++;
      left = { op: 'and', left, right: this.unary(within) };
    }
    return left;
  }

  private expect(kind: Token['kind']) {
    if (this.tokens[this.at]?.kind !== kind) throw badRequest('invalidFilter', `The filter is missing "${kind}".`);
    this.at++;
  }

  private unary(within?: AttrPath): Filter {
    if (this.peekWord('not')) {
      this.at++;
      this.expect('(');
      const filter = this.or(within);
      this.expect(')');
      return { op: 'not', filter };
    }
    if (this.tokens[this.at]?.kind === '(') {
      this.at++;
      const filter = this.or(within);
      this.expect(')');
      return filter;
    }
    const token = this.tokens[this.at++];
    if (token?.kind !== 'word') throw badRequest('invalidFilter', 'The filter should start with an attribute.');
    const path = resolvePath(this.schema, token.text, within);
    if (this.tokens[this.at]?.kind === '[') {
      if (within) throw badRequest('invalidFilter', 'Value filters cannot be nested.');
      this.at++;
      const filter = this.or(path);
      this.expect(']');
      return { op: 'valuePath', path, filter };
    }
    const opToken = this.tokens[this.at++];
    const op = opToken?.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (op === 'pr') return { op: 'pr', path };
    if (!compareOps.has(op)) throw badRequest('invalidFilter', `"${opToken?.text ?? ''}" is not a filter operator.`);
    return { op: op as CompareOp, path, value: literalOf(this.tokens[this.at++]) };
  }
}

/** Parses a filter; anything it cannot read is a 400 `invalidFilter`. */
export function parseFilter(schema: ResourceSchema, text: string, within?: AttrPath): Filter {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw badRequest('invalidFilter', 'The filter is empty.');
  return new Parser(tokens, schema).parse(within);
}

/** A PATCH path: an attribute, maybe with a value filter and then a sub-attribute (`emails[type eq "work"].value`). */
export interface PatchPath {
  path: AttrPath;
  filter?: Filter;
  sub?: Attribute;
}

export function parsePatchPath(schema: ResourceSchema, text: string): PatchPath {
  const open = text.indexOf('[');
  if (open < 0) {
    const path = resolvePath(schema, text);
    return { path };
  }
  const close = text.lastIndexOf(']');
  if (close < open) throw badRequest('invalidPath', `"${text}" is not a valid path.`);
  const path = resolvePath(schema, text.slice(0, open));
  if (path.sub) throw badRequest('invalidPath', `"${text}" is not a valid path.`);
  const filter = parseFilter(schema, text.slice(open + 1, close), path);
  const after = text.slice(close + 1);
  if (after === '') return { path, filter };
  if (!after.startsWith('.')) throw badRequest('invalidPath', `"${text}" is not a valid path.`);
  return { path, filter, sub: resolvePath(schema, after.slice(1), path).sub };
}

type Doc = Record<string, unknown>;

/** The value at `path.attr` of a resource as served (extension attributes under their URN). */
export function topValue(doc: Doc, path: AttrPath): unknown {
  const holder = path.scope ? (doc[path.scope] as Doc | undefined) : doc;
  return holder?.[path.attr.name];
}

function comparable(attr: Attribute, value: unknown): unknown {
  if (attr.type === 'dateTime' && typeof value === 'string') return new Date(value).getTime();
  if (typeof value === 'string' && !attr.caseExact) return value.toLowerCase();
  return value;
}

function compare(attr: Attribute, op: CompareOp, actual: unknown, expected: Literal): boolean {
  if (actual === undefined || actual === null)
    return op === 'ne' ? expected !== null : expected === null && op === 'eq';
  const a = comparable(attr, actual);
  const b = comparable(attr, expected);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'co':
      return typeof a === 'string' && typeof b === 'string' && a.includes(b);
    case 'sw':
      return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
    case 'ew':
      return typeof a === 'string' && typeof b === 'string' && a.endsWith(b);
    default: {
      if (typeof a !== typeof b || typeof a === 'boolean' || a === null) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === 'gt' ? x > y : op === 'ge' ? x >= y : op === 'lt' ? x < y : x <= y;
    }
  }
}

/** The values a path names in a resource: several for a multi-valued attribute (its `value` when no sub is named). */
function valuesAt(doc: Doc, path: AttrPath): { attr: Attribute; values: unknown[] } {
  const top = topValue(doc, path);
  const items = path.attr.multiValued ? (Array.isArray(top) ? top : []) : [top];
  if (path.attr.type !== 'complex') return { attr: path.attr, values: items };
  const sub = path.sub ?? findAttribute(path.attr.subAttributes ?? [], 'value');
  if (!sub) return { attr: path.attr, values: items };
  return { attr: sub, values: items.map((item) => (item as Doc | undefined)?.[sub.name]) };
}

/** Whether a resource (as served) matches a filter. */
export function matches(doc: Doc, filter: Filter): boolean {
  switch (filter.op) {
    case 'and':
      return matches(doc, filter.left) && matches(doc, filter.right);
    case 'or':
      return matches(doc, filter.left) || matches(doc, filter.right);
    case 'not':
      return !matches(doc, filter.filter);
    case 'pr': {
      const { values } = valuesAt(doc, filter.path);
      return values.some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
    }
    case 'valuePath': {
      const top = topValue(doc, filter.path);
      const items = Array.isArray(top) ? top : top === undefined ? [] : [top];
      return items.some((item) => matchesElement(item as Doc, filter.path, filter.filter));
    }
    default: {
      const { attr, values } = valuesAt(doc, filter.path);
      const op = filter.op;
      if (values.length === 0) return compare(attr, op, undefined, filter.value);
      return values.some((v) => compare(attr, op, v, filter.value));
    }
  }
}

/** Whether one element of a multi-valued attribute matches a value filter (`type eq "work"`). */
export function matchesElement(element: Doc, within: AttrPath, filter: Filter): boolean {
  const wrapped: Doc = { [within.attr.name]: within.attr.multiValued ? [element] : element };
  const holder = within.scope ? { [within.scope]: wrapped } : wrapped;
  return matches(holder, filter);
}
