/**
 * The few errors a service may raise. Each has a stable code that clients can rely on; the error
 * handler turns them into `{ error: { code, message, fields? } }` with the matching HTTP status.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra data for the client, e.g. the current state on a version conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const validationError = (fields: FieldErrors, message = 'Some fields need attention.') =>
  new AppError('validation', message, fields);
export const unauthenticated = (message = 'Please sign in.') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError('forbidden', message);
export const notFound = (what = 'That') => new AppError('not_found', `${what} was not found.`);
export const conflict = (message: string, fields?: FieldErrors, details?: Record<string, unknown>) =>
  new AppError('conflict', message, fields, details);
export const tooLarge = (fields: FieldErrors, message = 'That is too large.') =>
  new AppError('too_large', message, fields);
export const rateLimited = (message = 'Too many attempts. Please wait a minute and try again.') =>
  new AppError('rate_limited', message);
