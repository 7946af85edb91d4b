import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.js';
import { outboxMessage } from '../../db/schema/index.js';
import { AppError } from '../../server/errors.js';
import type { Mailer } from '../../server/ports.js';

export type { Mailer, MailMessage } from '../../server/ports.js';

/**
 * The mail server refused or could not be reached. The request that needed the mail answers 503
 * `unavailable` ("try again later"), not 500: nothing is wrong with the request or with Waymark.
 */
export class MailUnavailableError extends AppError {
  constructor(readonly reason: unknown) {
    super('unavailable', 'The e-mail could not be sent just now. Please try again in a few minutes.');
  }
}

/** Sends through SMTP: the production path. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({ from, ...message });
      } catch (err) {
        throw new MailUnavailableError(err);
      }
    },
    close: () => transport.close(),
  };
}

/** The links in a plain-text message, in order: what the operator needs from a kept message. */
export const linksIn = (text: string) => text.match(/https?:\/\/[^\s<>"]+/g) ?? [];

/**
 * Keeps messages in the database instead of sending them, so a fresh install works with no mail set-up.
 * Nobody reads them through the web: only the operator, on the server's command line (`npm run outbox`)
 * and, given a `log` (development), in the server log.
 */
export function createOutboxMailer(db: Database, log?: FastifyBaseLogger): Mailer {
  return {
    mode: 'outbox',
    async send({ to, subject, text, html }, tx) {
      await (tx ?? db).insert(outboxMessage).values({ id: randomUUID(), to, subject, text, html });
      log?.info({ to, subject, links: linksIn(text) }, `mail kept for the operator (npm run outbox): ${subject}`);
    },
    close: () => {},
  };
}
