import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precacheOf } from './service-worker.js';

/* What the service worker keeps of a build, and when a build is a new worker (a new deploy takes over cleanly). */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function buildWith(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-sw-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const build = {
  'index.html': '<script src="/assets/app-1.js"></script>',
  'assets/app-1.js': 'app',
  'assets/app-1.js.br': 'compressed',
  'assets/app-1.js.gz': 'compressed',
  'assets/app-1.js.map': 'source map',
  'icons/icon-192.png': 'png',
  'manifest.webmanifest': '{}',
  '.vite/manifest.json': '{}',
  'sw.js': 'the worker itself',
};

describe('the service worker’s precache', () => {
  it('keeps the page and every file it may load, and nothing else', () => {
    expect(precacheOf(buildWith(build)).urls).toEqual([
      '/assets/app-1.js',
      '/icons/icon-192.png',
      '/index.html',
      '/manifest.webmanifest',
    ]);
  });

  it('is a new version when any kept file changes, even one whose name does not (the page, an icon)', () => {
    const first = precacheOf(buildWith(build)).version;
    expect(precacheOf(buildWith(build)).version).toBe(first);
    expect(precacheOf(buildWith({ ...build, 'icons/icon-192.png': 'new png' })).version).not.toBe(first);
    expect(
      precacheOf(buildWith({ ...build, 'index.html': '<script src="/assets/app-2.js"></script>' })).version,
    ).not.toBe(first);
    // A source map or compressed twin alone changes nothing the worker serves.
    expect(precacheOf(buildWith({ ...build, 'assets/app-1.js.map': 'other map' })).version).toBe(first);
  });
});
