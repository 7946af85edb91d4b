import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.js';
import { outboxMessage } from '../../db/schema/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe on reminders. The outbox does not keep them. */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  /**
   * Sends one message. Pass the request's transaction as `tx` so that, in outbox mode, the message is
   * stored with the rest of the change (and on PGlite, whose one connection the transaction holds).
   */
  send(message: MailMessage, tx?: Database): Promise<void>;
  close(): void;
}

/** Sends through SMTP: the production path. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(message) {
      await transport.sendMail({ from, ...message });
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
