import { type SQL, sql } from 'drizzle-orm';

/*
 * Small pieces for hand-written SQL run with `db.execute`, the same on PGlite and PostgreSQL.
 */

/** The rows of a `db.execute` result (both drivers answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A JS array as one SQL text[] parameter (Drizzle would spread an array into a list of parameters). */
export const textArray = (values: string[]): SQL =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
