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

/** `If-Match: "3"` is accepted as well as a `version` field, as the API conventions promise. */
export function versionFrom(header: string | undefined, body: number | undefined): number | undefined {
  if (body !== undefined || !header) return body;
  const n = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const ifMatch = z.object({ 'if-match': z.string().max(40).optional() });
