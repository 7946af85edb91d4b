import type { FastifyInstance, FastifyReply } from 'fastify';

/** Seconds a client should wait before trying again: a database outage or a restart lasts a few. */
export const RETRY_AFTER_SECONDS = 5;

/** 503 in the one error shape, with Retry-After, so a client can tell "try again later" from a bug. */
export function replyUnavailable(reply: FastifyReply, message: string) {
  return reply
    .status(503)
    .header('retry-after', String(RETRY_AFTER_SECONDS))
    .send({ error: { code: 'unavailable', message } });
}

/**
 * While the server shuts down (SIGTERM), requests still arriving on open connections answer 503 in our
 * shape and close their connection. Fastify's own answer for them (`return503OnClosing`) is in its shape.
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return replyUnavailable(reply, 'Waymark is restarting. Please try again in a few seconds.');
  });
}
