import type { FastifyInstance } from 'fastify';
import { validationError } from './errors.js';

/*
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in what a client sends used to fail deep in a
 * query as a 500. Nobody means one (it cannot be typed, and means nothing in text), so requests holding one
 * are refused up front, naming the field, as Django does. Refused rather than stripped: passwords, tokens
 * and ids are never quietly changed into something else.
 */

/** The path ("topics.2") of the first string holding U+0000 in parsed JSON, "" for the value itself. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  // Parsed JSON, forms and query strings (whose objects may have no usual prototype); bytes are not text.
  if (ArrayBuffer.isView(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = key.includes('\u0000') ? path : findNul(item, path ? `${path}.${key}` : key);
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Every route answers 400 (validation) to a NUL character in its body, query string or path. */
export function refuseNulCharacters(app: FastifyInstance) {
  // A callback hook, not an async one: it runs on every request, and needs no promise.
  app.addHook('preValidation', (req, _reply, done) => {
    for (const [part, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const at = findNul(value);
      if (at !== undefined) {
        done(
          validationError(
            { [at || '_']: 'Remove the NUL character (U+0000): text cannot hold it.' },
            `Some fields${part === 'body' ? '' : ` in the ${part}`} need attention.`,
          ),
        );
        return;
      }
    }
    done();
  });
}
