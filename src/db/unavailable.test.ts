import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which errors mean the database is away', () => {
  it('knows lost connections, shutdowns, refusals and a full disk, however wrapped', () => {
    for (const err of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53100'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Failed query: select 1', { cause: new Error('Failed to get session', { cause: withCode('57P01') }) }),
      Object.assign(new AggregateError([withCode('ECONNREFUSED')], ''), {}),
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    }
  });

  it('leaves real failures alone', () => {
    for (const err of [withCode('23505', 'duplicate key'), withCode('22P02'), new Error('boom'), undefined, 'text']) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
    }
  });
});
