import { z } from 'zod';

/** The one error shape every route answers with. */
export const errorBody = z
  .looseObject({
    error: z.looseObject({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Error responses to declare on a route, by status. */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 503;
export const errors = <S extends ErrorStatus[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((s) => [s, errorBody])) as { [K in S[number]]: typeof errorBody };

export const idParam = z.string().min(1).max(64);

/** How many rows a page of a list holds (`?limit=`), with a message for each way it can be wrong. */
export const pageLimit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'The limit is a number.' })
    .int({ error: 'The limit is a whole number.' })
    .min(1, { error: 'At least 1.' })
    .max(max, { error: `At most ${max}.` })
    .default(fallback);

// C0 and C1 controls (CR, LF, tab, ESC, DEL, ...) and the Unicode line and paragraph separators.
const controlRuns = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * A one-line name (a person's or an organisation's name, a title, a cycle): control characters become one
 * space, so nothing such a name goes into (a mail subject or header, a CSV cell, a log line) can be split by a
 * CR/LF. Chain `.trim()`, `.min()` and `.max()` after it: they see the cleaned text.
 */
export const oneLineText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite((text) => text.replace(controlRuns, ' '));

/** `If-Match: "3"` is accepted as well as a `version` field, as the API conventions promise. */
export function versionFrom(header: string | undefined, body: number | undefined): number | undefined {
  if (body !== undefined || !header) return body;
  const n = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const ifMatch = z.object({ 'if-match': z.string().max(40).optional() });
