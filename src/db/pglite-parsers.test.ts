import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { date, interval, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { keepDrizzlesParsers } from './pglite-parsers.js';

const moment = pgTable('moment', {
  id: text('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  local: timestamp('local'),
  day: date('day').notNull(),
  dayAsDate: date('day_as_date', { mode: 'date' }),
  length: interval('length'),
  times: timestamp('times', { withTimezone: true }).array(),
  tags: text('tags').array(),
});

async function openWith(patched: boolean) {
  const client = await PGlite.create();
  await client.exec(`
    create table moment (id text primary key, at timestamptz not null, local timestamp, day date not null,
      day_as_date date, length interval, times timestamptz[], tags text[]);
    insert into moment values ('a', '2026-12-06 21:06:33.123+00', '2026-12-06 21:06:33', '2026-12-06',
      '2026-01-31', '1 day 02:03:04', array['2026-12-06 10:00+00'::timestamptz, '2026-12-07 11:30+01'], array['x', 'y z']);
  `);
  // What reaches PGlite's own query, after the change (or without it).
  const reached: unknown[] = [];
  const query = client.query.bind(client);
  client.query = ((text: string, params?: unknown[], options?: unknown) => {
    reached.push(options);
    return query(text, params, options as never);
  }) as PGlite['query'];
  if (patched) keepDrizzlesParsers(client);
  return { client, db: drizzle(client), reached };
}

/** Everything a caller might read, through Drizzle and around it, in and out of a transaction. */
async function readAll({ client, db }: Awaited<ReturnType<typeof openWith>>) {
  return {
    select: await db.select().from(moment),
    execute: (await db.execute(sql`select * from moment`)).rows,
    inTransaction: await db.transaction((tx) => tx.select().from(moment)),
    raw: (await client.query('select * from moment')).rows,
    rawWithParams: (await client.query('select * from moment where id = $1', ['a'])).rows,
    exec: (await client.exec('select at, day, length, times from moment'))[0]?.rows,
    rawInTransaction: await client.transaction(async (tx) => ({
      query: (await tx.query('select at, day, times from moment')).rows,
      exec: (await tx.exec('select at, day from moment'))[0]?.rows,
    })),
  };
}

describe("Drizzle's parsers kept on the PGlite instance", () => {
  it('parse every column as before, for Drizzle and for everyone else, in and out of transactions', async () => {
    const before = await readAll(await openWith(false));
    const after = await readAll(await openWith(true));
    expect(after).toEqual(before);
    // And what each caller gets is what it expects: Drizzle its decoded columns, the others Dates from PGlite.
    expect(after.select[0]?.at).toEqual(new Date('2026-12-06T21:06:33.123Z'));
    expect(after.select[0]?.day).toBe('2026-12-06');
    expect(after.select[0]?.tags).toEqual(['x', 'y z']);
    expect(after.raw[0]).toMatchObject({ at: new Date('2026-12-06T21:06:33.123Z'), tags: ['x', 'y z'] });
    expect(after.rawInTransaction.query[0]).toMatchObject({ at: new Date('2026-12-06T21:06:33.123Z') });
  });

  it("hands Drizzle's queries to PGlite without parsers to merge, so nothing is copied per query", async () => {
    const opened = await openWith(true);
    await opened.db.select().from(moment);
    await opened.db.execute(sql`select 1`);
    expect(opened.reached).toHaveLength(2);
    for (const options of opened.reached) expect(options).not.toHaveProperty('parsers');
  });
});
