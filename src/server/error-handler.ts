import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { isUniqueViolation } from '../db/unique.js';
import { AppError, type ErrorCode, type FieldErrors } from './errors.js';
import { replyUnavailable } from './unavailable.js';

/** Turns a Zod issue path such as ["body","email"] into the field name a form shows: "email". */
function fieldName(instancePath: string): string {
  const name = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return name === '' ? '_' : name;
}

/**
 * One place where every failure becomes `{ error: { code, message, fields? } }`. Internal details of
 * a 5xx go to the log, never to the client.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldErrors = {};
      for (const issue of err.validation) {
        const name = fieldName(issue.instancePath);
        fields[name] ??= issue.message ?? 'Invalid value.';
      }
      const where = err.validationContext === 'body' ? '' : ` in the ${err.validationContext}`;
      return reply.status(400).send({
        error: { code: 'validation', message: `Some fields${where} need attention.`, fields },
      });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.message, fields: err.fields, ...err.details },
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({
        error: { code: 'rate_limited', message: 'Too many attempts. Please wait a minute and try again.' },
      });
    }
    if (status >= 400 && status < 500) {
      // Framework-level client errors: malformed JSON, unsupported media type, body too large.
      return sendFrameworkError(err, reply, status);
    }
    if (isUniqueViolation(err)) {
      // A race the service did not foresee: the record exists now, which is a conflict, never a bug's 500.
      request.log.warn({ err }, 'unique violation answered as a conflict');
      return reply.status(409).send({ error: { code: 'conflict', message: 'That exists already.' } });
    }
    if (isDatabaseUnavailable(err)) {
      // One line per request: an outage would otherwise fill the log with stacks.
      request.log.warn({ reason: err.message }, 'database unavailable');
      return replyUnavailable(reply, 'The database cannot be reached just now. Please try again in a few seconds.');
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
}

/** Fastify's own client errors, by code, in words a person can act on. */
const frameworkMessages: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation', message: 'The body is empty: send JSON, or no content type.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'validation', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation', message: 'The body is not as long as its Content-Length.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'The body is too large: at most 1 MB.' },
  FST_ERR_BAD_URL: { code: 'validation', message: 'The address holds a malformed escape (%).' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'validation', message: 'A part of the address is too long.' },
};

function sendFrameworkError(err: FastifyError, reply: FastifyReply, status = err.statusCode ?? 400) {
  const known = err.code ? frameworkMessages[err.code] : undefined;
  const code = known?.code ?? (status === 404 ? 'not_found' : status === 413 ? 'too_large' : 'validation');
  return reply.status(status).send({ error: { code, message: known?.message ?? err.message } });
}

/**
 * Errors Fastify answers before any route or hook runs (a malformed % escape, a path parameter over
 * `maxParamLength`): in the one shape too. Passed as the `frameworkErrors` server option.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _req, reply) => {
  sendFrameworkError(err, reply, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : err.statusCode);
};

/**
 * Requests Node's HTTP parser refuses (headers or a query string over 16 KB, a malformed request line)
 * reach no handler: the answer is written to the socket, in the one shape. The `clientErrorHandler` option.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (err, socket) => {
  const { code } = err as NodeJS.ErrnoException;
  // A connection reset leaves nobody to answer.
  if (code === 'ECONNRESET' || socket.destroyed) return;
  const tooLarge = code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = tooLarge
    ? 'The address or headers are too large: at most 16 KB.'
    : status === 408
      ? 'The request took too long to arrive.'
      : 'The request could not be read.';
  const body = JSON.stringify({ error: { code: tooLarge ? 'too_large' : 'validation', message } });
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
};
