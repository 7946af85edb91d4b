import { type PGlite, type Transaction, types } from '@electric-sql/pglite';

/*
 * Drizzle hands PGlite nine parsers of its own with every query (timestamps, dates, intervals and their arrays
 * kept as the text PostgreSQL sent, which Drizzle's columns then decode), and PGlite merges them into the
 * instance's parsers with an object spread on every query: the instance has one for each of some 318 types,
 * so each query spent ~150 µs of the server's one thread copying them (measured: a `select 1` took 560 µs with
 * Drizzle's parsers, 273 µs without) and allocated the copy (167 MB during one 1,000-member award, which the
 * young generation then had to collect).
 *
 * So the instance's own parsers take Drizzle's nine once, at open, and Drizzle's queries reach PGlite without
 * theirs: what they parse is unchanged. Everyone else (pg-boss, which expects Date objects as node-postgres
 * gives them, and PGlite's own queries) is given PGlite's parsers for those nine types back with each query,
 * so what they parse is unchanged too, and they pay the copy. Our own raw queries pass DATES_AS_TEXT instead.
 */

type Parser = (value: string, typeId?: number) => unknown;
type Parsers = Record<number, Parser>;
type QueryOptions = { parsers?: Parsers; [option: string]: unknown } | undefined;

/** The types Drizzle's PGlite driver leaves as text (drizzle-orm/pglite/session.js). */
const KEPT_AS_TEXT = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];
const asText: Parser = (value) => value;

/**
 * Parsers for a query of our own that takes those nine types as text (or reads none of them): like Drizzle's
 * queries, it then costs PGlite no copy. A query without parsers gets PGlite's own for them, as before, at the
 * price of the copy.
 */
export const DATES_AS_TEXT: Readonly<Parsers> = Object.freeze(
  Object.fromEntries(KEPT_AS_TEXT.map((type) => [type, asText])),
);

/** Whether these are Drizzle's parsers (or DATES_AS_TEXT): the nine types above and nothing else. */
const isDrizzles = (parsers: Parsers) =>
  Object.keys(parsers).length === KEPT_AS_TEXT.length && KEPT_AS_TEXT.every((type) => type in parsers);

export function keepDrizzlesParsers(client: PGlite): void {
  // biome-ignore lint/suspicious/noExplicitAny: PGlite keeps the instance's parsers in a public field it does not type
  const own = (client as any).parsers as Parsers;
  const defaults = (types as unknown as { parsers: Parsers }).parsers;
  const original: Parsers = Object.fromEntries(
    KEPT_AS_TEXT.map((type) => [type, own[type] ?? defaults[type] ?? asText]),
  );
  for (const type of KEPT_AS_TEXT) own[type] = asText;
  // PGlite's array parsers look their element's parser up on the instance as they run: an array of timestamps
  // parsed for pg-boss must find PGlite's timestamp parser there, so it is put back for the length of that
  // (synchronous) parse.
  const withPglites =
    (parse: Parser): Parser =>
    (value, typeId) => {
      Object.assign(own, original);
      try {
        return parse(value, typeId);
      } finally {
        for (const type of KEPT_AS_TEXT) own[type] = asText;
      }
    };
  /** What a query without parsers of its own got for these types before. */
  const pglites: Parsers = Object.fromEntries(
    KEPT_AS_TEXT.map((type) => [type, withPglites(original[type] as Parser)]),
  );

  const optionsFor = (options: QueryOptions): QueryOptions => {
    if (options?.parsers && isDrizzles(options.parsers)) {
      const { parsers: _drizzles, ...rest } = options;
      return rest;
    }
    return { ...options, parsers: { ...pglites, ...options?.parsers } };
  };
  const wrapQueries = <T extends Pick<PGlite, 'query' | 'exec'>>(target: T) => {
    const query = target.query.bind(target);
    const exec = target.exec.bind(target);
    return {
      query: ((text: string, params?: unknown[], options?: QueryOptions) =>
        query(text, params, optionsFor(options))) as T['query'],
      exec: ((text: string, options?: QueryOptions) => exec(text, optionsFor(options))) as T['exec'],
    };
  };

  Object.assign(client, wrapQueries(client));
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(work: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      // The transaction object's own getter (`closed`) stays live: the wrapped methods sit on an object whose
      // prototype is the transaction.
      const wrapped = Object.assign(Object.create(tx) as Transaction, wrapQueries(tx));
      return work(wrapped);
    })) as PGlite['transaction'];
}
