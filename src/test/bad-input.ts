import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';

/*
 * Malformed requests generated from the OpenAPI document: for each operation a valid-looking request made
 * from its schemas and real ids, then variants of it that are wrong in one way each (types, missing and extra
 * fields, huge and deeply nested values, NUL, lone surrogates, emoji at every cut, tsquery metacharacters,
 * wrong content types, broken multipart, broken path parameters and query strings).
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema objects from the OpenAPI document are walked freely
type Schema = Record<string, any>;
type Json = unknown;

export interface Operation {
  method: string;
  /** As in the document: /api/plans/{planId}/goals/{id} */
  path: string;
  pathParams: Schema[];
  queryParams: Schema[];
  body?: Schema;
  multipart: boolean;
}

export interface Variant {
  what: string;
  request: InjectOptions;
}

/** The operations of an OpenAPI 3.1 document, with their `$ref`s resolved. */
export function operationsOf(doc: Schema): Operation[] {
  const resolve = (s: Schema | undefined, seen = 0): Schema | undefined => {
    if (!s || seen > 20) return s;
    if (s.$ref) {
      const name = String(s.$ref).split('/').pop() as string;
      return resolve(doc.components?.schemas?.[name], seen + 1);
    }
    return s;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      const params = (op.parameters ?? []) as Schema[];
      const body = resolve(op.requestBody?.content?.['application/json']?.schema);
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ ...p, schema: resolve(p.schema) })),
        body: body && deref(body, resolve),
        multipart: /multipart\/form-data/.test(`${op.summary ?? ''} ${op.description ?? ''}`),
      });
    }
  }
  return ops;
}

/** The schema with every nested `$ref` replaced (to a small depth: the API's schemas are not recursive). */
function deref(s: Schema, resolve: (s: Schema | undefined) => Schema | undefined, depth = 0): Schema {
  if (depth > 8 || typeof s !== 'object' || s === null) return s;
  const r = resolve(s) as Schema;
  const out: Schema = Array.isArray(r) ? [] : {};
  for (const [k, v] of Object.entries(r))
    out[k] = typeof v === 'object' && v !== null ? deref(v, resolve, depth + 1) : v;
  return out;
}

/** Real ids by parameter or field name; the rest get random ones. */
export type Ids = Record<string, string>;

const idFor = (name: string, path: string, ids: Ids): string | undefined => {
  if (name === 'id') {
    const part = path.match(/\/(reflections|goals|network|shares|notifications|enlistments)\/\{id\}/)?.[1];
    return part ? ids[part] : undefined;
  }
  return ids[name];
};

/** A value that satisfies `schema` as far as a simple reading goes. */
export function sample(schema: Schema | undefined, name: string, path: string, ids: Ids, depth = 0): Json {
  if (!schema || depth > 6) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined && depth > 0) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) {
    const nonNull = (choice as Schema[]).find((c) => c.type !== 'null') ?? choice[0];
    return sample(nonNull, name, path, ids, depth + 1);
  }
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf), name, path, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries<Schema>(schema.properties ?? {})) {
        out[k] = sample(v, k, path, ids, depth + 1);
      }
      return out;
    }
    case 'array':
      return schema.minItems ? [sample(schema.items, name, path, ids, depth + 1)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default: {
      const id = idFor(name, path, ids);
      if (id) return id;
      if (schema.format === 'date') return '2027-03-01';
      if (schema.format === 'date-time') return '2027-03-01T10:00:00.000Z';
      if (schema.format === 'email') return 'someone@example.test';
      if (schema.format === 'uri') return 'https://example.test/page';
      if (schema.format === 'uuid') return randomUUID();
      const min = schema.minLength ?? 1;
      return 'word'.padEnd(Math.min(Math.max(min, 4), schema.maxLength ?? 4), 'x');
    }
  }
}

const TSQUERY = ['a & | b', "!(x) <-> 'y':*", ':* <2> !', '(((', '\\', "'''", 'a:*B & !!c | (d <-> e)'];
const deep = (n: number): Json => {
  let v: Json = 'bottom';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

/** Strings that are each wrong or awkward in one way, for a field of at most `max` characters. */
function nastyStrings(max: number | undefined): [string, string][] {
  const m = Math.min(max ?? 200, 20_000);
  return [
    ['NUL', 'a\u0000b'],
    ['lone surrogate', 'x\ud800y'],
    ['lone low surrogate', '\udfff'],
    ['emoji at the cut', `${'a'.repeat(Math.max(0, m - 1))}😀`],
    ['emoji across the limit', '😀'.repeat(Math.ceil(m / 2) + 1)],
    ['family emoji at the cut', `${'a'.repeat(Math.max(0, m - 3))}👩🏽‍🚀`],
    ['huge', 'a'.repeat(300_000)],
    ['tsquery', TSQUERY[m % TSQUERY.length] as string],
    ['CR/LF header', 'x\r\nBcc: everyone@example.test'],
    ['markup', '<script>alert(1)</script>'],
  ];
}

/** Every malformed variant of one operation (at least 30). `cookie` signs them in, or not. */
export function variantsOf(op: Operation, ids: Ids, cookie: string | undefined): Variant[] {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const pathValue = (name: string, schema: Schema | undefined) =>
    String(idFor(name, op.path, ids) ?? (schema?.enum ? schema.enum[0] : randomUUID()));
  const urlWith = (pathOverride?: [string, string], query?: string) => {
    let url = op.path;
    for (const p of op.pathParams) {
      const value =
        pathOverride && p.name === pathOverride[0] ? pathOverride[1] : encodeURIComponent(pathValue(p.name, p.schema));
      url = url.replace(`{${p.name}}`, value);
    }
    return query === undefined ? url : `${url}?${query}`;
  };
  const validQuery = () =>
    op.queryParams
      .filter((p) => p.required || ['orgId', 'organizationId', 'q', 'token'].includes(p.name))
      .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name, op.path, ids)))}`)
      .join('&');
  const base = op.body ? (sample(op.body, '', op.path, ids) as Record<string, Json>) : undefined;
  const url = urlWith(undefined, validQuery());
  const json = (what: string, payload: Json): Variant => ({
    what,
    request: {
      method: op.method as 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    },
  });
  const raw = (what: string, contentType: string, payload: string | Buffer, at = url): Variant => ({
    what,
    request: { method: op.method as 'POST', url: at, headers: { ...headers, 'content-type': contentType }, payload },
  });
  const get = (what: string, at: string): Variant => ({
    what,
    request: { method: op.method as 'GET', url: at, headers },
  });

  const out: Variant[] = [];
  // Path parameters: broken, foreign, long, escaped wrongly.
  for (const p of op.pathParams.slice(0, 2)) {
    for (const [what, value] of [
      ['random id', randomUUID()],
      ['99 characters', 'a'.repeat(99)],
      ['101 characters', 'a'.repeat(101)],
      ['bad escape', '%ZZ'],
      ['NUL', '%00'],
      ['lone surrogate as bytes', '%ED%A0%80'],
      ['emoji', encodeURIComponent('😀')],
      ['dot segments', '..%2F..%2Fetc'],
      ['tsquery', encodeURIComponent('a:* & !b')],
    ] as const) {
      out.push(get(`path ${p.name}: ${what}`, urlWith([p.name, value], validQuery())));
    }
  }
  // The query string: each parameter wrong, and a few things no parameter expects.
  for (const p of op.queryParams.slice(0, 6)) {
    for (const [what, value] of [
      ['NUL', '%00'],
      ['invalid UTF-8', '%ED%A0%80'],
      ['huge', 'a'.repeat(10_000)],
      ['negative', '-1'],
      ['huge number', '1e308'],
      ['tsquery', encodeURIComponent(TSQUERY[p.name.length % TSQUERY.length] as string)],
      ['emoji', encodeURIComponent('😀'.repeat(101))],
      ['bad escape', '%E0%A4%A'],
    ] as const) {
      out.push(get(`query ${p.name}: ${what}`, urlWith(undefined, `${validQuery()}&${p.name}=${value}`)));
    }
    out.push(get(`query ${p.name}: twice`, urlWith(undefined, `${validQuery()}&${p.name}=a&${p.name}=b`)));
  }
  // Whatever the operation: odd query strings, headers and addresses.
  const q = validQuery();
  for (const [what, extra] of [
    ['unknown parameter', 'zz=1'],
    ['no value', '&=&'],
    ['bad escape', '%ZZ=1'],
    ['NUL', 'orgId=%00'],
    ['random organisation', `orgId=${randomUUID()}`],
    ['nested keys', 'a[b][c]=1&a[b][d]=2'],
    ['long key', `${'k'.repeat(5000)}=1`],
    ['tsquery', `q=${encodeURIComponent(TSQUERY[2] as string)}`],
    ['emoji', `q=${encodeURIComponent('😀'.repeat(150))}`],
    ['limit', 'limit=-1&offset=-5&cursor=garbage'],
    ['limit huge', 'limit=99999999999999999999&offset=1e400'],
  ] as const) {
    out.push(get(`query: ${what}`, urlWith(undefined, q ? `${q}&${extra}` : extra)));
  }
  for (const [what, extra] of [
    ['garbage session cookie', { cookie: 'waymark.session_token=garbage.sig' }],
    ['huge cookie', { cookie: `${headers.cookie ?? 'a=b'}; big=${'x'.repeat(8000)}` }],
    ['if-match not a version', { 'if-match': '"abc"' }],
    ['if-match huge', { 'if-match': `W/"${'9'.repeat(30)}"` }],
    ['if-none-match', { 'if-none-match': '*' }],
    ['accept XML', { accept: 'application/xml' }],
    ['UTF-16 JSON', { 'content-type': 'application/json; charset=utf-16' }],
    ['forwarded garbage', { 'x-forwarded-for': 'not an address, ::::' }],
    ['range', { range: 'bytes=abc-' }],
    ['bearer token', { authorization: 'Bearer x' }],
    ['another site', { origin: 'http://evil.test' }],
  ] as const) {
    out.push({
      what: `headers: ${what}`,
      request: { method: op.method as 'GET', url, headers: { ...headers, ...extra } },
    });
  }
  const path = url.split('?')[0] as string;
  for (const [what, at] of [
    ['trailing slash', `${path}/`],
    ['double slash', path.replace('/api/', '/api//')],
    ['dot segment', `${path}/..`],
    ['encoded dots', `${path}/%2e%2e/%2e%2e`],
    ['bad escape', `${path}%ZZ`],
    ['NUL', `${path}%00`],
    ['semicolon', `${path};jsessionid=1`],
  ] as const) {
    out.push(get(`address: ${what}`, at));
  }

  if (op.method === 'GET' || op.method === 'DELETE' || op.method === 'HEAD') {
    // Bodies where none belongs, and the wrong kinds of body.
    out.push(raw('a JSON body on a read', 'application/json', '{"a":1}'));
    out.push(raw('a broken JSON body on a read', 'application/json', '{"a":'));
    out.push(raw('a text body', 'text/plain', 'hello'));
    return out;
  }

  // Bodies as a whole.
  out.push({ what: 'no body', request: { method: op.method as 'POST', url, headers } });
  for (const [what, payload] of [
    ['null', null],
    ['array', []],
    ['string', 'x'],
    ['number', 1],
    ['empty object', {}],
    ['prototype pollution', JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}')],
    ['nested 100 deep', { x: deep(100) }],
    ['extra field', { ...(base ?? {}), unexpected: 'field' }],
    ['key with NUL', { ...(base ?? {}), 'k\u0000': 1 }],
  ] as const) {
    out.push(json(`body: ${what}`, payload));
  }
  // Written out: JSON.stringify itself recurses.
  const nested = `${JSON.stringify(base ?? {}).replace(/}$/, '')}${base && Object.keys(base).length ? ',' : ''}"x":`;
  out.push(raw('body: nested 10,000 deep', 'application/json', `${nested}${'['.repeat(10_000)}${']'.repeat(10_000)}}`));
  out.push(raw('body: broken JSON', 'application/json', '{"a":'));
  out.push(raw('body: empty with a JSON type', 'application/json', ''));
  out.push(raw('body: text/plain', 'text/plain', JSON.stringify(base ?? {})));
  out.push(raw('body: form', 'application/x-www-form-urlencoded', 'a=1&b=2'));
  out.push(raw('body: XML', 'application/xml', '<a/>'));
  out.push(raw('body: multipart without boundary', 'multipart/form-data', 'abc'));
  const cut =
    '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n';
  out.push(raw('body: multipart cut short', 'multipart/form-data; boundary=XX', Buffer.from(`${cut}\x89PNG`)));
  out.push(
    raw(
      'body: multipart file name with NUL',
      'multipart/form-data; boundary=XX',
      Buffer.from(`${cut.replace('a.png', 'a\u0000.png')}\x89PNG\r\n\n\x1a\n\r\n--XX--\r\n`),
    ),
  );
  out.push(raw('body: multipart headers cut short', 'multipart/form-data; boundary=XX', '--XX\r\nContent-Dispo'));
  out.push(raw('body: too large', 'application/json', `{"a":"${'a'.repeat(1_100_000)}"}`));

  // Field by field: wrong types, missing, and awkward text.
  const properties = Object.entries<Schema>(op.body?.properties ?? {});
  for (const [key, schema] of properties) {
    const wrong: [string, Json][] = [
      ['wrong type (object)', { a: 1 }],
      ['wrong type (array)', [1, 'two', null]],
      ['wrong type (number)', -1.5],
      ['wrong type (boolean)', false],
      ['huge number', 1e308],
      ['null', null],
    ];
    for (const [what, value] of wrong) out.push(json(`${key}: ${what}`, { ...(base ?? {}), [key]: value }));
    const { [key]: _dropped, ...missing } = base ?? {};
    out.push(json(`${key}: missing`, missing));
    for (const [what, value] of nastyStrings(schema.maxLength)) {
      out.push(json(`${key}: ${what}`, { ...(base ?? {}), [key]: value }));
    }
    if (schema.type === 'array' || schema.items) {
      out.push(json(`${key}: 10,000 items`, { ...(base ?? {}), [key]: Array.from({ length: 10_000 }, () => 'x') }));
      out.push(json(`${key}: items with NUL`, { ...(base ?? {}), [key]: ['a\u0000'] }));
    }
  }
  if (properties.length === 0) {
    for (const [what, value] of nastyStrings(undefined)) out.push(json(`body field: ${what}`, { x: value }));
  }
  return out;
}
