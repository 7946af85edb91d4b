import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { validationError } from './errors.js';

/*
 * Keyset paging: a page ends at its last row, named by the value it is sorted on and its id (the tie-break).
 * Clients get that pair as an opaque cursor and send it back for the next page.
 */

export const isInstant = (value: string) => !Number.isNaN(Date.parse(value));
export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A timestamp column as its exact instant (ISO 8601, UTC, microseconds), to name a page's last row. PostgreSQL
 * keeps microseconds and a JS Date only milliseconds: a cursor made from the Date would skip the rows written
 * in the same millisecond as the page's last one.
 */
export const exactInstant = (column: AnyPgColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(position: string | Date, id: string): string {
  const at = position instanceof Date ? position.toISOString() : position;
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** The pair back from a cursor; a cursor that is not one of ours is a 400 naming the `cursor` field. */
export function decodeCursor(cursor: string, isPosition: (value: string) => boolean): { position: string; id: string } {
  try {
    const [position, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if (typeof position === 'string' && isPosition(position) && typeof id === 'string') return { position, id };
  } catch {
    // falls through to the error below
  }
  throw validationError({ cursor: 'This page link is not valid; start again from the first page.' });
}
