import { drizzle } from 'drizzle-orm/node-postgres';
import { describe, expect, it } from 'vitest';
import { post } from './schema/index.js';
import { limitInText } from './sql-helpers.js';

describe('limitInText', () => {
  // Only builds SQL: the driver is never asked to connect.
  const db = drizzle.mock();

  it('writes the page size into the statement, not as a parameter', () => {
    const query = db.select({ id: post.id }).from(post).limit(limitInText(21)).toSQL();
    expect(query.sql).toMatch(/ limit 21$/);
    expect(query.params).toEqual([]);
  });

  it('refuses anything but a whole number of rows', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => limitInText(bad)).toThrow(/whole number/);
    }
  });
});
