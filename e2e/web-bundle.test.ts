import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webRoot } from './support/server.js';

/*
 * The web app takes its types from the server's Zod schemas, with `import type` only: Zod itself must never
 * reach the bundle, where the page's content security policy refuses what it probes for (`new Function`). A
 * runtime import of a schema file, from the web app or from a plain module it imports, would bring it in.
 */

/** Names Zod registers its classes under: minifying keeps these strings. */
const zodMarkers = ['$ZodType', 'ZodError'];

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
}

describe('the built web app', () => {
  it('carries no Zod', () => {
    const root = webRoot();
    const files = scripts(root);
    expect(files.length).toBeGreaterThan(0);
    const carrying = files.filter((f) => {
      const code = fs.readFileSync(path.join(root, f), 'utf8');
      return zodMarkers.some((marker) => code.includes(marker));
    });
    expect(carrying).toEqual([]);
  });
});
