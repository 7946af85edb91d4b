// What the web build was made from, so a later start can tell whether to build again (scripts/build-if-changed.mjs).
// Plain JavaScript, not TypeScript: it runs before anything is compiled, at the start of `npm start`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** Beside the build, not in it: nothing in dist/web is served that the app did not build. */
export const INPUTS_FILE = path.join(root, 'dist', 'web-build-inputs.json');
/** Files that shape every build, whatever the bundle imports. */
export const ALWAYS = ['vite.config.ts', 'package-lock.json', 'tsconfig.json', 'scripts/build-inputs.mjs'];

export const hashOf = (file) => {
  try {
    return createHash('sha1')
      .update(fs.readFileSync(path.join(root, file)))
      .digest('base64url');
  } catch {
    return 'missing';
  }
};

/** Writes what a build was made from: the files that shape every build and `inputs`, each with its hash. */
export function recordInputs(file, inputs) {
  const all = [...new Set([...ALWAYS, ...inputs])].sort();
  fs.writeFileSync(file, `${JSON.stringify({ files: Object.fromEntries(all.map((f) => [f, hashOf(f)])) }, null, 1)}\n`);
}
