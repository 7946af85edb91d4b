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
