import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.js';
import { outboxMessage } from '../../db/schema/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe on reminders. The development outbox does not keep them. */
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

/**
 * Keeps messages in the database instead of sending them, so a fresh install works with no mail set-up.
 * Owners read them on the Outbox page.
 */
export function createOutboxMailer(db: Database): Mailer {
  return {
    mode: 'outbox',
    async send({ to, subject, text, html }, tx) {
      await (tx ?? db).insert(outboxMessage).values({ id: randomUUID(), to, subject, text, html });
    },
    close: () => {},
  };
}
