import { CsvError, parse } from 'csv-parse/sync';
import { emailField } from '../auth/index.js';

/*
 * Many addresses at once, as admins have them: pasted from an e-mail's To line or a spreadsheet column (one
 * per line, or separated by commas or semicolons, "Maya Okafor <maya@example.org>" as well as the bare
 * address), or a CSV file exported from HR. Every entry keeps the line it came from, so each problem is
 * reported where the admin can find it.
 */

/** Enough for a team or a department in one go; a whole organisation is provisioned by SSO, not by mail. */
export const MAX_INVITATIONS_PER_BATCH = 100;

export interface ListedAddress {
  /** The line of the pasted text or the file (1 for the first). */
  line: number;
  /** The entry as written, to show beside its error. */
  entry: string;
  /** The address found in it, not yet checked. */
  address: string;
}

export interface LineProblem {
  line: number;
  entry: string;
  message: string;
}

/** Splits at commas and semicolons, except inside "quoted names" and <addresses>. */
function splitEntries(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of line) {
    if (ch === '"' && !angled) quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if ((ch === ',' || ch === ';') && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The address of "Name <address>", or the entry itself. */
const addressIn = (entry: string) => /<([^<>]*)>\s*$/.exec(entry)?.[1]?.trim() ?? entry.replace(/^mailto:/i, '');

/** Pasted text: one address per line, or several separated by commas or semicolons. */
export function addressesOfText(text: string): ListedAddress[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => splitEntries(line).map((entry) => ({ line: i + 1, entry, address: addressIn(entry) })));
}

const ADDRESS_HEADER = /^(e-?mail|e-?mail address|address|work e-?mail)$/i;

/**
 * A CSV file (comma, semicolon or tab separated, as spreadsheets export it). With a header row, the column
 * called e-mail (or email, address) holds the addresses; without one, the first cell of each row that looks
 * like an address does. A file that is not valid CSV is one problem, on the line where it breaks.
 */
export function addressesOfCsv(text: string): { addresses: ListedAddress[]; problem?: LineProblem } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof rows; // the typings do not follow `info: true`
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 1;
    return {
      addresses: [],
      problem: { line, entry: '', message: `This is not a CSV file we can read: ${err.message}` },
    };
  }
  const header = rows[0]?.record.findIndex((cell) => ADDRESS_HEADER.test(cell)) ?? -1;
  const body = header >= 0 ? rows.slice(1) : rows;
  const addresses = body.flatMap(({ record, info }) => {
    const cell = header >= 0 ? record[header] : (record.find((c) => c.includes('@')) ?? record[0]);
    const entry = (cell ?? '').trim();
    return entry === '' ? [] : [{ line: info.lines, entry, address: addressIn(entry) }];
  });
  return { addresses };
}

/**
 * What is wrong with the list on its own, before the database is asked: invalid addresses, the same address
 * twice, nothing at all, too many. Returns the addresses normalised (lower case) with their lines.
 */
export function checkListed(listed: ListedAddress[]): { valid: ListedAddress[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const valid: ListedAddress[] = [];
  const firstLine = new Map<string, number>();
  for (const l of listed) {
    const parsed = emailField.safeParse(l.address);
    if (!parsed.success) {
      problems.push({ line: l.line, entry: l.entry, message: 'Not a valid e-mail address.' });
      continue;
    }
    const seen = firstLine.get(parsed.data);
    if (seen !== undefined) {
      problems.push({ line: l.line, entry: l.entry, message: `Listed twice: also on line ${seen}.` });
      continue;
    }
    firstLine.set(parsed.data, l.line);
    valid.push({ ...l, address: parsed.data });
  }
  return { valid, problems };
}
