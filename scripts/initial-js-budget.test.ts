import { describe, expect, it } from 'vitest';
import { gzipSize, INITIAL_JS_BUDGET_BYTES, overBudget, scriptsOf, withStaticImports } from './initial-js-budget.js';

const page = `<!doctype html>
<html lang="en">
  <head>
    <link rel="icon" href="data:image/svg+xml,%3Csvg%3E">
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-B2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C3.css">
    <link rel="preload" as="fetch" href="/api/me">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('the initial JavaScript budget', () => {
  it('is 150 kB gzip', () => {
    expect(INITIAL_JS_BUDGET_BYTES).toBe(150_000);
  });

  it('counts the scripts the page runs and preloads, not styles, icons or data', () => {
    expect(scriptsOf(page)).toEqual(['assets/index-A1.js', 'assets/react-B2.js']);
  });

  it('counts what those scripts import statically, each chunk once', () => {
    const imports: Record<string, string[]> = {
      'assets/index-A1.js': ['assets/react-B2.js', 'assets/query-D4.js'],
      'assets/react-B2.js': [],
      'assets/query-D4.js': ['assets/react-B2.js', 'assets/api-E5.js'],
      'assets/api-E5.js': [],
      'assets/plan-page-F6.js': ['assets/api-E5.js'], // a page loaded later: not initial
    };
    expect(withStaticImports(scriptsOf(page), (f) => imports[f] ?? []).sort()).toEqual([
      'assets/api-E5.js',
      'assets/index-A1.js',
      'assets/query-D4.js',
      'assets/react-B2.js',
    ]);
  });

  it('passes at the budget and fails above it, naming each file, largest first, with its size', () => {
    const files = [
      { file: 'assets/react-B2.js', gzipBytes: 60_000 },
      { file: 'assets/index-A1.js', gzipBytes: 90_000 },
    ];
    expect(overBudget({ files, totalBytes: 150_000 })).toBeUndefined();

    const message = overBudget({
      files: [...files, { file: 'assets/query-D4.js', gzipBytes: 1_500 }],
      totalBytes: 151_500,
    });
    expect(message).toContain('Initial JavaScript is 151.50 kB gzip, over its budget of 150.00 kB');
    expect(message).toContain('by 1.50 kB');
    const lines = message?.split('\n') ?? [];
    expect(lines.slice(1, 4).map((l) => l.trim())).toEqual([
      '90.00 kB  assets/index-A1.js',
      '60.00 kB  assets/react-B2.js',
      '1.50 kB  assets/query-D4.js',
    ]);
  });

  it('measures gzip as the server sends it: repetitive code shrinks', () => {
    const code = 'export const a = 1;\n'.repeat(1_000);
    expect(gzipSize(code)).toBeLessThan(code.length / 20);
  });
});
