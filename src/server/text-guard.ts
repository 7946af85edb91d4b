import type { FastifyInstance } from 'fastify';
import { type FieldErrors, validationError } from './errors.js';

/*
 * Text PostgreSQL cannot store, or that no person means, is refused up front naming the field, for every
 * route in one place (decisions 2026-11-27-nul-characters and 2026-12-01-unstorable-text):
 * - U+0000: PostgreSQL text cannot hold it;
 * - a lone UTF-16 surrogate ("\ud800" without its pair): a `jsonb` column refuses it, a `text` column gets
 *   U+FFFD in its place; it is half of a character, always a client's cutting mistake;
 * - nesting deeper than MAX_DEPTH: no Waymark body is deeper than a few levels, and very deep values made
 *   every recursive walk after the parser (this guard's, the validator's) overflow the stack: a 500.
 * Refused rather than repaired: passwords, tokens and ids are never quietly changed into something else.
 */

export const MAX_DEPTH = 64;

// With the u flag, a pair is one code point, so \p{Cs} matches only a surrogate standing alone.
const loneSurrogate = /\p{Cs}/u;

const problemOf = (text: string): string | undefined => {
  if (text.includes('\u0000')) return 'Remove the NUL character (U+0000): text cannot hold it.';
  if (loneSurrogate.test(text)) {
    return 'This text holds half of a character (a lone UTF-16 surrogate): send whole characters.';
  }
  return undefined;
};

export interface TextProblem {
  /** Where: "topics.2", "" for the value itself. */
  path: string;
  message: string;
}

/**
 * The first place in parsed JSON, a form or a query string that cannot be stored or is nested too deeply.
 * Iterative, so no input can overflow the stack.
 */
export function findBadText(value: unknown): TextProblem | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof next.value === 'string') {
      const message = problemOf(next.value);
      if (message) return { path: next.path, message };
      continue;
    }
    // Parsed JSON, forms and query strings (whose objects may have no usual prototype); bytes are not text.
    if (typeof next.value !== 'object' || next.value === null || ArrayBuffer.isView(next.value)) continue;
    if (next.depth >= MAX_DEPTH) {
      // The field the nesting starts in: the full path would be MAX_DEPTH segments long.
      return { path: next.path.split('.')[0] as string, message: `Nested too deeply: at most ${MAX_DEPTH} levels.` };
    }
    const entries = Object.entries(next.value);
    // Pushed backwards, so the first field is looked at first and the answer names the first problem.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string, unknown];
      const keyProblem = problemOf(key);
      if (keyProblem) return { path: next.path, message: keyProblem };
      stack.push({ value: item, path: next.path ? `${next.path}.${key}` : key, depth: next.depth + 1 });
    }
  }
  return undefined;
}

/** The problem as the fields of a 400, or undefined when the text may be stored. */
export function badTextFields(value: unknown, prefix = ''): FieldErrors | undefined {
  const found = findBadText(value);
  if (!found) return undefined;
  const at = prefix && found.path ? `${prefix}.${found.path}` : prefix || found.path;
  return { [at || '_']: found.message };
}

/** Every route answers 400 (validation) to unstorable text or absurd nesting in its body, query string or path. */
export function refuseBadText(app: FastifyInstance) {
  // A callback hook, not an async one: it runs on every request, and needs no promise.
  app.addHook('preValidation', (req, _reply, done) => {
    for (const [part, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const fields = badTextFields(value);
      if (fields) {
        done(validationError(fields, `Some fields${part === 'body' ? '' : ` in the ${part}`} need attention.`));
        return;
      }
    }
    done();
  });
}
