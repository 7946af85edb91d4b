// Compiles the server into one ES module for `npm start`. Node spends most of a start resolving and reading
// modules one file at a time (2,000 of them: date-fns, kysely, zod, better-auth…), so the packages go into
// the bundle too, except those that find files beside their own code at run time (wasm, workers, static
// assets, their package.json): those stay in node_modules, found by a first pass over the module graph.
import fs from 'node:fs';
import * as esbuild from 'esbuild';

/** Signs that a module reads files relative to itself, which a bundle would move. */
const FINDS_FILES = /__dirname|__filename|import\.meta\.url|require\.resolve|new Worker\(|\.wasm\b/;
/** Optional native addons that bundled packages mention but Waymark never installs. */
const NEVER_INSTALLED = ['pg-native'];
/**
 * Packages that load a native addon (a `.node` file for this platform, from a package of its own): esbuild
 * cannot bundle those, so they and their subpaths stay in node_modules.
 */
const NATIVE_ADDONS = ['@resvg/resvg-js'].flatMap((name) => [name, `${name}/*`]);

const packageOf = (file) => file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];

const options = (entry, outfile, external) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // CommonJS packages in an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as waymarkRequire } from 'node:module'; const require = waymarkRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  sourcesContent: false,
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});

/** Packages in the graph of `entry` that must stay in node_modules, each with its subpaths. */
async function packagesToKeepOutside(entry, outfile) {
  const graph = await esbuild.build({
    ...options(entry, outfile, [...NEVER_INSTALLED, ...NATIVE_ADDONS]),
    write: false,
  });
  const outside = new Set();
  for (const file of Object.keys(graph.metafile.inputs)) {
    const name = packageOf(file);
    if (name && !outside.has(name) && FINDS_FILES.test(fs.readFileSync(file, 'utf8'))) outside.add(name);
  }
  return [...outside].sort();
}

/** Compiles `entry` into `outfile`; answers the project files it was made from (for the build record). */
export async function compileServer(entry, outfile) {
  const outside = await packagesToKeepOutside(entry, outfile);
  const external = [...NEVER_INSTALLED, ...NATIVE_ADDONS, ...outside.flatMap((name) => [name, `${name}/*`])];
  const result = await esbuild.build(options(entry, outfile, external));
  return Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'));
}
