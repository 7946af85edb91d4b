import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

/*
 * PGlite's query() parses and plans every statement each time it runs: it has no named prepared statements.
 * Timed in the mixed workload (bench/README.md, "PGlite's planning"), an autosave's statement spent 0.4 ms in
 * Parse and 0.7 ms in Bind (where an unnamed statement is planned) against 0.4 ms running, and the feed page 1.6 ms
 * planning against 1.2 running. So each distinct text with parameters is parsed once into a named statement
 * and later runs only bind and execute it, as node-postgres's named queries do on PostgreSQL: PostgreSQL keeps
 * its plan once a generic plan is as good as the custom ones (plan_cache_mode auto). Statements inside a
 * transaction go through the transaction's own query(), unchanged.
 */

/** Distinct texts kept as named statements; past this, new texts run as before (nothing is evicted). */
export const MAX_PREPARED_STATEMENTS = 500;

interface Prepared {
  name: string;
  paramTypes: number[];
}

/** What PGlite's own query() does before it runs (wait until started, then its two locks), not in its typings. */
interface Exclusive {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

/** Makes the instance's top-level query() run statements with parameters as named prepared statements. */
export function prepareStatementsOnce(client: PGlite): void {
  const { serialize } = protocol;
  const original = client.query.bind(client);
  const exclusive = client as unknown as Exclusive;
  const prepared = new Map<string, Prepared>();

  const prepare = async (text: string): Promise<Prepared> => {
    const name = `waymark_${prepared.size + 1}`;
    const messages = await client.execProtocolStream(
      concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    prepared.set(text, statement);
    return statement;
  };

  const run = async <T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const statement = prepared.get(text) ?? (await prepare(text));
    const values = params.map((value, k) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[k] as number;
      const serializer = options?.serializers?.[type] ?? client.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await client.execProtocolStream(
      concat([
        serialize.bind({ statement: statement.name, values: values as string[] }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    await client.syncToFs();
    return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
  };

  client.query = async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const known = prepared.has(text);
    // Without parameters it is planned once anyway; blobs (COPY) and given parameter types take PGlite's own way.
    if (
      !params?.length ||
      options?.blob ||
      options?.paramTypes ||
      (!known && prepared.size >= MAX_PREPARED_STATEMENTS)
    ) {
      return original<T>(text, params, options);
    }
    await exclusive._checkReady();
    return exclusive._runExclusiveTransaction(() =>
      exclusive._runExclusiveQuery(async () => {
        try {
          return await run<T>(text, params, options);
        } catch (err) {
          // As PGlite's own query() does: the statement and its parameters beside the database's error.
          if (err instanceof Error && 'code' in err) Object.assign(err, { query: text, params, queryOptions: options });
          throw err;
        }
      }),
    );
  };
}
