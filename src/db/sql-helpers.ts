import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';

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
