import type { Mailer, MailMessage } from '../server/ports.js';

/** Keeps what would have been sent, so tests can read links out of e-mails. */
export function createCapturingMailer(): Mailer & { sent: MailMessage[]; linkTo(email: string, path: string): string } {
  const sent: MailMessage[] = [];
  return {
    mode: 'smtp',
    sent,
    async send(message) {
      sent.push(message);
    },
    close: () => {},
    /** The first link to `path` in the newest message to `email`. */
    linkTo(email, pathPrefix) {
      const message = [...sent].reverse().find((m) => m.to === email);
      const match = message?.text.match(new RegExp(`https?://[^\\s]*${pathPrefix}[^\\s]*`));
      if (!match) throw new Error(`No e-mail to ${email} with a link to ${pathPrefix}`);
      return match[0];
    },
  };
}
