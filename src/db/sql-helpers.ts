import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Database } from './client.js';

/*
 * Small pieces for hand-written SQL run with `db.execute`, the same on PGlite and PostgreSQL.
 */

/** The rows of a `db.execute` result (both drivers answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A JS array as one SQL text[] parameter (Drizzle would spread an array into a list of parameters). */
export const textArray = (values: string[]): SQL =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * A table's row read as JSON (`to_jsonb(t)`, as when a statement gathers several tables' rows at once) turned
 * into the row Drizzle would have answered: keys by the schema's names, values through each column's own
 * decoding (timestamps become Dates). JSON columns arrive already decoded and are kept as they are.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] =
      value === null || value === undefined || column.columnType === 'PgJsonb' || column.columnType === 'PgJson'
        ? (value ?? null)
        : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/**
 * Inserts many rows as one JSON parameter read back by `json_to_recordset`. Drizzle's own insert builds its SQL a
 * value at a time, which for a few dozen wide rows is milliseconds of the server's thread (measured: 2–3 ms for
 * 25 badge awards, each holding up every request waiting behind it); `JSON.stringify` does the same in a tenth
 * of that. Columns left out of every row take their defaults; a value left out of one row only is null.
 */
export async function insertRowsAsJson<T extends Table>(db: Database, table: T, rows: T['$inferInsert'][]) {
  if (rows.length === 0) return;
  const given = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const json = JSON.stringify(
    rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const [key, column] of given) {
        const value = (row as Record<string, unknown>)[key];
        values[column.name] = value === undefined || value === null ? null : column.mapToDriverValue(value);
      }
      return values;
    }),
  );
  const names = sql.join(
    given.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const types = sql.raw(given.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  await db.execute(
    sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${json}::json) as r(${types})`,
  );
}

/**
 * A page size written into the statement's text rather than sent as a parameter, for `.limit()`. With `limit $n`
 * PostgreSQL's generic plan of a named statement (pg-prepared.ts) assumes a tenth of the rows are wanted, costs
 * more than the custom plans that see the number, and so is never chosen: such a statement is planned again on
 * every call (measured for the feed page: 1,010 plans in 1,002 calls, planning 1.2 ms of its 2 ms). With the
 * number in the text each page size is its own statement, planned once per connection; callers pass sizes their
 * schema bounds (the feed's at most 51).
 */
export function limitInText(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`A page size is a whole number, not ${rows}.`);
  // Drizzle writes an SQL object given to limit() into the text as it is (pg-core dialect: `limit ${limit}`).
  return sql.raw(String(rows)) as unknown as number;
}
