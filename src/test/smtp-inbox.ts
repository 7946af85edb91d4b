import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/*
 * A real SMTP server for tests: mail sent through createSmtpMailer arrives here over the network and is
 * decoded enough to check (headers, the plain-text part). It can refuse the next messages, to prove that
 * failed sends are retried.
 */

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** Header names in lower case; folded lines joined; encoded words (RFC 2047) decoded. */
  headers: Record<string, string>;
  subject: string;
  /** The text/plain part, transfer encoding undone. */
  text: string;
  raw: string;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const body = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(body[i] as string));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding = '7bit') {
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' ')),
    );

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

const split = (part: string) => {
  const at = part.search(/\r?\n\r?\n/);
  return { head: parseHeaders(part.slice(0, at)), body: part.slice(at).replace(/^\r?\n\r?\n/, '') };
};

/** The text/plain part of a message, single part or multipart/alternative (as nodemailer writes them). */
function plainText(head: Record<string, string>, body: string): string {
  const boundary = head['content-type']?.match(/boundary="?([^";]+)"?/)?.[1];
  if (!boundary) return decodeBody(body, head['content-transfer-encoding']);
  for (const part of body.split(`--${boundary}`)) {
    const { head: h, body: b } = split(part.replace(/^\r?\n/, ''));
    if (h['content-type']?.startsWith('text/plain'))
      return decodeBody(b.replace(/\r?\n$/, ''), h['content-transfer-encoding']);
  }
  return '';
}

export async function startSmtpInbox() {
  const received: ReceivedMail[] = [];
  /** Recipients whose next messages are refused, and how many more times. */
  const refusing = new Map<string, number>();
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const busy = to.find((address) => (refusing.get(address) ?? 0) > 0);
        if (busy) {
          refusing.set(busy, (refusing.get(busy) ?? 0) - 1);
          refused.push(busy);
          const err = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const { head, body } = split(raw);
        received.push({
          to,
          headers: head,
          subject: head.subject ?? '',
          text: plainText(head, body),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mail received for one address. */
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    /** Refuses the next `n` messages to `address` with a temporary failure (451). */
    refuseNext(address: string, n: number) {
      refusing.set(address, n);
    },
    /** Addresses of the messages refused so far, one entry per refusal. */
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpInbox = Awaited<ReturnType<typeof startSmtpInbox>>;
