import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type FieldErrors } from './errors.js';
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
      const code = status === 404 ? 'not_found' : 'validation';
      return reply.status(status).send({ error: { code, message: err.message } });
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
