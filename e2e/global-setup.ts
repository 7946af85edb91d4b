import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeDatabaseTemplate } from './support/database-template.js';
import { webRoot } from './support/server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-dejavu-core';

/** Whether this process may install Debian packages itself: root, with apt-get, and no other Chromium asked for. */
const mayInstall = () => !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');

/**
 * Browser tests never skip silently. Without Chromium, where this process may install packages (root with apt,
 * as on CI machines), it installs Debian's and says so; otherwise it fails and names the command to run.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM) && mayInstall()) {
    console.log(`Chromium is missing at ${CHROMIUM}: installing Debian's (${INSTALL})…`);
    const result = spawnSync('sh', ['-c', INSTALL], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) console.log(`Installing Chromium failed (exit ${result.status}).`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it (as root): ${INSTALL}\n` +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
  if (!fs.existsSync(path.join(webRoot(), 'index.html'))) {
    throw new Error('The web app is not built. Run `npm run build` (npm test does it for you).');
  }
  // Every test file starts a server on a database of its own: a copy of one migrated now, not migrated afresh
  // (on PGlite that was seconds a file).
  const template = await makeDatabaseTemplate();
  project.provide('e2eDatabaseTemplate', template.name);
  return template.remove;
}
