import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREPARED_STATEMENTS, prepareStatementsOnce } from './pglite-prepared.js';

/*
 * PGlite's query() with named statements (pglite-prepared.ts): each text with parameters is parsed once, and
 * every answer is what PGlite's own query() gives for the same statement, errors included. A plain instance
 * with the same table is the control.
 */

const SETUP = `
  create table item (id int primary key, what text not null, n int not null default 0,
    at timestamptz not null default '2026-12-07T10:00:00Z', data jsonb, tags text[], day date);
  insert into item (id, what, data, tags, day)
    select g, 'item ' || g, jsonb_build_object('g', g), array['a', 'b' || g], date '2026-12-01' + g
    from generate_series(1, 50) g;
`;

const ours = (db: PGlite) =>
  db.query<{ name: string; statement: string }>(
    "select name, statement from pg_prepared_statements where name like 'waymark_%' order by name",
  );

describe('PGlite statements prepared once', () => {
  let prepared: PGlite;
  let plain: PGlite;
  beforeAll(async () => {
    [prepared, plain] = await Promise.all([PGlite.create(), PGlite.create()]);
    prepareStatementsOnce(prepared);
    await Promise.all([prepared.exec(SETUP), plain.exec(SETUP)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([prepared?.close(), plain?.close()]);
  });

  it('answers as PGlite does: rows, types, fields, row counts, array rows and given parsers', async () => {
    const cases: [string, unknown[], Parameters<PGlite['query']>[2]?][] = [
      ['select * from item where id = any($1) order by id', [[3, 4]]],
      ['select * from item where what = $1 and data @> $2', ['item 7', { g: 7 }]],
      ['select id, tags, day, at from item where day > $1 order by id limit 2', ['2026-12-20']],
      ['select id, at from item where id = $1', [9], { rowMode: 'array' }],
      ['select id, at from item where id = $1', [9], { parsers: { 1184: (value: string) => `at ${value}` } }],
      ['select count(*)::int as c from item where id > $1 and what <> $2', [10, null]],
      ['update item set n = n + 1 where id <= $1', [5]],
      ['with u as (update item set what = $2 where id = $1 returning *) select id, what from u', [11, 'eleven']],
    ];
    for (const [text, params, options] of cases) {
      const [mine, theirs] = await Promise.all([
        prepared.query(text, params, options),
        plain.query(text, params, options),
      ]);
      expect(mine, text).toEqual(theirs);
    }
  });

  it('parses a text once, however often it runs', async () => {
    const text = 'select what from item where id = $1';
    for (let id = 1; id <= 5; id++) {
      expect((await prepared.query<{ what: string }>(text, [id])).rows).toEqual([{ what: `item ${id}` }]);
    }
    const named = (await ours(prepared)).rows.filter((r) => r.statement === text);
    expect(named).toHaveLength(1);
    // Without parameters, PGlite's own way (nothing named).
    await prepared.query('select 1 as one');
    expect((await ours(prepared)).rows.some((r) => r.statement === 'select 1 as one')).toBe(false);
  });

  it("gives the database's error with the statement, and the next query runs", async () => {
    const text = 'insert into item (id, what) values ($1, $2)';
    const error = await prepared.query(text, [1, 'again']).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: '23505', query: text, params: [1, 'again'] });
    const syntax = await prepared.query('select from where $1', [1]).catch((err: unknown) => err);
    expect(syntax).toMatchObject({ code: '42601' });
    expect((await prepared.query(text, [51, 'fifty-one'])).affectedRows).toBe(1);
    expect(
      (await prepared.query<{ n: number }>('select count(*)::int as n from item where id > $1', [0])).rows,
    ).toEqual([{ n: 51 }]);
  });

  it('waits for a transaction in progress, and statements inside it run as before', async () => {
    const order: string[] = [];
    const transaction = prepared.transaction(async (tx) => {
      await tx.query('update item set what = $1 where id = $2', ['in the transaction', 2]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('transaction');
    });
    const outside = prepared.query<{ what: string }>('select what from item where id = $1', [2]).then((r) => {
      order.push('outside');
      return r.rows[0]?.what;
    });
    await transaction;
    expect(await outside).toBe('in the transaction');
    expect(order).toEqual(['transaction', 'outside']);
  });

  it(`runs new texts PGlite's own way once ${MAX_PREPARED_STATEMENTS} are kept`, async () => {
    const before = (await ours(prepared)).rows.length;
    for (let k = before; k < MAX_PREPARED_STATEMENTS + 5; k++) {
      expect((await prepared.query<{ k: number }>(`select $1::int + ${k} as k`, [1])).rows).toEqual([{ k: k + 1 }]);
    }
    expect((await ours(prepared)).rows).toHaveLength(MAX_PREPARED_STATEMENTS);
  });
});
