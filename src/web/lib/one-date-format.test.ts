import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Dates read one way everywhere (lib/dates.ts). This fails naming the file and line of any other way of
 * turning a date into text in the web app, which is how four formats crept in before
 * (2027-04-30, Apr 30, 2027, 12/1/2026 9:41:19 PM).
 */

const webRoot = join(import.meta.dirname, '..');
const theOneModule = join(webRoot, 'lib', 'dates.ts');

/** What formats a date for people to read, other than lib/dates.ts. */
const otherWays: [RegExp, string][] = [
  [/\.toLocale(?:Date|Time)?String\(/, 'toLocaleString and friends: use formatDateTime / formatDateOf / formatDay'],
  [/\.to(?:UTC|Date|Time)String\(/, 'toUTCString / toDateString / toTimeString: use lib/dates'],
  [
    /\.toISOString\(\)\.(?:slice|substring|substr|split)\(/,
    'a cut ISO string is Greenwich’s day: use today() / calendarDayOf()',
  ],
  [
    /Intl\.(?:DateTimeFormat|RelativeTimeFormat)\((?!\)\.resolvedOptions)/,
    'an Intl date formatter of its own: use lib/dates',
  ],
  [/\.getMonth\(\)\s*\+\s*1/, 'a date assembled by hand: use lib/dates'],
  // A raw ISO value shown as text: {goal.targetDate} as a child, or ${m.dueDate} in a sentence.
  [/(?<![=\w])\{[\w.?]+(?:Date|On|At)\}/, 'a raw ISO date shown as text: wrap it in formatDay / formatDateTime'],
  [/\$\{[\w.?]+(?:Date|On|At)\}/, 'a raw ISO date in a sentence: wrap it in formatDay / formatDateTime'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each line that formats a date another way, as "file:line: the line — why". */
function otherDateFormats(files: string[]): string[] {
  return files
    .filter((f) => f !== theOneModule)
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return [];
          const found = otherWays.find(([pattern]) => pattern.test(line));
          return found ? [`${relative(webRoot, file)}:${i + 1}: ${line.trim()} — ${found[1]}`] : [];
        }),
    );
}

describe('one date format in the web app', () => {
  it('formats dates only through lib/dates.ts', () => {
    expect(otherDateFormats(sourceFiles(webRoot))).toEqual([]);
  });

  it('would notice each other way', () => {
    const samples = [
      'new Date(n.createdAt).toLocaleString()',
      "new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' })",
      'const today = () => new Date().toISOString().slice(0, 10);',
      "new Intl.DateTimeFormat('en', { dateStyle: 'long' })",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of source code, as the test reads it
      '{g.targetDate && ` · target ${g.targetDate}`}',
      '<td>{r.createdAt}</td>',
      'expiresAt.toUTCString()',
    ];
    for (const sample of samples)
      expect(
        otherWays.some(([p]) => p.test(sample)),
        sample,
      ).toBe(true);
    const fine = [
      'dateTime={post.createdAt}',
      'defaultValue={entry.learnedOn}',
      'Intl.DateTimeFormat().resolvedOptions()',
    ];
    for (const sample of fine)
      expect(
        otherWays.some(([p]) => p.test(sample)),
        sample,
      ).toBe(false);
  });
});
