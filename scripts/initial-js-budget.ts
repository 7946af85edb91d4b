import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The most JavaScript a first visit may load before the app can start, gzip-compressed as the server sends it
 * (issue 17): the scripts index.html loads and preloads, with every chunk they import statically.
 * 150 KB as Vite counts them (1 kB = 1,000 bytes). Pages and heavy libraries load later, when used.
 */
export const INITIAL_JS_BUDGET_BYTES = 150_000;

/** Gzip at the level of the .gz files the build writes beside each asset (vite.config.ts). */
export const gzipSize = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

/** The scripts a page asks for as it loads: module scripts and module preloads, as paths without the leading /. */
export function scriptsOf(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const files: string[] = [];
  for (const tag of tags) {
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const url =
      tag.startsWith('<script') && attr('type') === 'module'
        ? attr('src')
        : tag.startsWith('<link') && attr('rel') === 'modulepreload'
          ? attr('href')
          : undefined;
    if (url && !/^[a-z]+:/i.test(url)) files.push(url.replace(/^\//, ''));
  }
  return files;
}

/** `files` with every chunk they import statically, transitively (a chunk's static imports load before it runs). */
export function withStaticImports(files: string[], importsOf: (file: string) => readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of importsOf(file)) visit(imported);
  };
  for (const file of files) visit(file);
  return [...seen];
}

export interface InitialJs {
  files: { file: string; gzipBytes: number }[];
  totalBytes: number;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/** Why the initial JavaScript is over `budget`, naming each file and its size; undefined when it fits. */
export function overBudget(initial: InitialJs, budget = INITIAL_JS_BUDGET_BYTES): string | undefined {
  if (initial.totalBytes <= budget) return undefined;
  const lines = [...initial.files]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((f) => `  ${kB(f.gzipBytes).padStart(10)}  ${f.file}`);
  return [
    `Initial JavaScript is ${kB(initial.totalBytes)} gzip, over its budget of ${kB(budget)} ` +
      `(INITIAL_JS_BUDGET_BYTES in scripts/initial-js-budget.ts) by ${kB(initial.totalBytes - budget)}:`,
    ...lines,
    'Load what the first page does not need when it is used (a lazy route or import()), or split a heavy library off.',
  ].join('\n');
}

/**
 * Fails the build when the initial JavaScript of index.html is over the budget, and says how large it is when
 * not. Runs once the page and its chunks are made, before anything is written.
 */
export function initialJsBudget(budget = INITIAL_JS_BUDGET_BYTES): Plugin {
  let log: (message: string) => void = () => {};
  return {
    name: 'waymark-initial-js-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      log = (message) => config.logger.info(message);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') this.error('index.html is not in the bundle: the initial JavaScript is unknown');
        const html = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
        const chunk = (file: string) => {
          const output = bundle[file];
          if (output?.type !== 'chunk') this.error(`index.html loads ${file}, which the build did not make`);
          return output;
        };
        const files = withStaticImports(scriptsOf(html), (file) => chunk(file).imports).map((file) => ({
          file,
          gzipBytes: gzipSize(chunk(file).code),
        }));
        const initial = { files, totalBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
        const problem = overBudget(initial, budget);
        if (problem) this.error(problem);
        log(`Initial JavaScript: ${kB(initial.totalBytes)} gzip in ${files.length} files (budget ${kB(budget)}).`);
      },
    },
  };
}
