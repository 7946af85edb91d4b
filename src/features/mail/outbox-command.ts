import { parseArgs } from 'node:util';
import type { Database } from '../../db/client.js';
import { linksIn } from './mailer.js';
import { findOutboxMessages, listOutboxMessages, type OutboxMessageRow } from './outbox.repository.js';

export const OUTBOX_USAGE = `Mail Waymark kept instead of sending (no SMTP_URL), for the operator of this install.

  npm run outbox                      the 20 newest messages
  npm run outbox -- --to ADDRESS      the newest messages to one address
  npm run outbox -- --limit 50        more of them
  npm run outbox -- ID                one message in full, with its links (the first characters of its id do)

On the embedded database (PGlite), stop the server first: only one process may open its data directory.`;

const line = (m: OutboxMessageRow) =>
  `${m.id.slice(0, 8)}  ${m.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${m.to}  ${m.subject}`;

function full(m: OutboxMessageRow): string {
  const links = linksIn(m.text);
  return [
    `Id:      ${m.id}`,
    `Date:    ${m.createdAt.toISOString()}`,
    `To:      ${m.to}`,
    `Subject: ${m.subject}`,
    '',
    m.text,
    '',
    links.length > 0 ? `Links:\n${links.map((l) => `  ${l}`).join('\n')}` : 'Links: none',
  ].join('\n');
}

/**
 * `npm run outbox`: lists kept messages or shows one in full. Answers the text to print and the exit code,
 * so the command line stays a thin shell around it.
 */
export async function outboxCommand(db: Database, args: string[]): Promise<{ output: string; exitCode: number }> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    return { output: `${(err as Error).message}\n\n${OUTBOX_USAGE}`, exitCode: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) return { output: OUTBOX_USAGE, exitCode: 0 };
  const id = positionals[0];
  if (id) {
    const found = await findOutboxMessages(db, id);
    if (found.length === 0) return { output: `No kept message has an id starting with "${id}".`, exitCode: 1 };
    if (found.length > 1) return { output: `Several messages start with "${id}": give more of the id.`, exitCode: 1 };
    return { output: full(found[0] as OutboxMessageRow), exitCode: 0 };
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return { output: '--limit takes a whole number from 1 to 1000.', exitCode: 2 };
  }
  const rows = await listOutboxMessages(db, { to: values.to, limit });
  if (rows.length === 0) {
    return { output: values.to ? `No kept mail to ${values.to}.` : 'No kept mail.', exitCode: 0 };
  }
  return {
    output: [...rows.map(line), '', 'Show one in full: npm run outbox -- ID'].join('\n'),
    exitCode: 0,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}
