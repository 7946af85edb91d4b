// Builds what `npm start` runs, only when something it was built from changed (or it was never built), so a
// second start on the same checkout takes seconds: the web app (Vite, into dist/web) and the server (esbuild,
// src/server/main.ts and the plain-JavaScript packages it imports into one file, dist/server/main.mjs; see
// compile-server.mjs). Each build records
// the files it was made from with their hashes (dist/*-build-inputs.json).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALWAYS, hashOf, recordInputs, root } from './build-inputs.mjs';

const dist = path.join(root, 'dist');

/** Why `target` must be built, or undefined when its record matches every input's hash. */
function changed(output, record) {
  if (!fs.existsSync(output)) return 'not built yet';
  let files;
  try {
    files = JSON.parse(fs.readFileSync(record, 'utf8')).files;
  } catch {
    return 'no record of what it was built from';
  }
  for (const file of ALWAYS) if (!(file in files)) return `${file} not recorded`;
  for (const [file, hash] of Object.entries(files)) if (hashOf(file) !== hash) return `${file} changed`;
  return undefined;
}

const force = process.argv.includes('--force');

// The web app: vite.config.ts records its own inputs (every module in the bundle).
const webReason = force
  ? 'asked to'
  : changed(path.join(dist, 'web', 'index.html'), path.join(dist, 'web-build-inputs.json'));
if (webReason) {
  console.log(`Building the web app (${webReason})…`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Always the production bundle: Vite follows NODE_ENV, and a build started from a test (NODE_ENV=test) would
  // otherwise ship React's development build (and fail the initial JavaScript budget).
  const env = { ...process.env, NODE_ENV: 'production' };
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The server: compiled once rather than by tsx at every start (tsx stays for development and the CLIs).
if (!process.argv.includes('--web-only')) {
  const serverRecord = path.join(dist, 'server-build-inputs.json');
  const serverReason = force ? 'asked to' : changed(path.join(dist, 'server', 'main.mjs'), serverRecord);
  if (serverReason) {
    console.log(`Compiling the server (${serverReason})…`);
    const { compileServer } = await import('./compile-server.mjs');
    const inputs = await compileServer(path.join(root, 'src/server/main.ts'), path.join(dist, 'server', 'main.mjs'));
    // The processes that sign badge credentials (src/features/badges/signing-pool.ts) load their own module.
    const signer = await compileServer(
      path.join(root, 'src/features/badges/signing-worker.ts'),
      path.join(dist, 'server', 'badge-signer.mjs'),
    );
    recordInputs(serverRecord, ['scripts/compile-server.mjs', ...new Set([...inputs, ...signer])]);
  }
}
if (!webReason) console.log('Web app up to date: not rebuilding.');
