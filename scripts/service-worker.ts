import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Files of the build the worker does not keep: compressed twins, source maps, Vite's own manifest, itself. */
const notKept = (file: string) => /\.(br|gz|map)$/.test(file) || file.startsWith('.vite/') || file === 'sw.js';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
    })
    .sort();
}

/**
 * What the service worker keeps of a build: the page (as /index.html) and every file it may load, and a version
 * that changes whenever any of their contents does (so a new build is a new worker and a new cache).
 */
export function precacheOf(outDir: string) {
  const files = filesUnder(outDir).filter((file) => !notKept(file));
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(outDir, file)));
  return { urls: files.map((file) => `/${file}`), version: hash.digest('hex').slice(0, 16) };
}

/**
 * Builds src/web/pwa/service-worker.ts into sw.js at the root of the web build, once every other file is
 * written, with the list of files to keep and the build's version (docs/decisions/2026-12-05-offline-quick-capture.md).
 */
export function serviceWorker(source: string): Plugin {
  let outDir = '';
  return {
    name: 'waymark-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { urls, version } = precacheOf(outDir);
      await build({
        entryPoints: [source],
        outfile: path.join(outDir, 'sw.js'),
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        define: { PRECACHE: JSON.stringify(urls), VERSION: JSON.stringify(version) },
        logLevel: 'warning',
      });
    },
  };
}
