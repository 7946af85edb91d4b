import fs from 'node:fs';
import path from 'node:path';
import { webRoot } from './support/server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests never skip silently: without Chromium or a built web app they fail and say how to fix it. */
export default function setup() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it (as root): apt-get update && apt-get install -y chromium\n` +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
  if (!fs.existsSync(path.join(webRoot(), 'index.html'))) {
    throw new Error('The web app is not built. Run `npm run build` (npm test does it for you).');
  }
}
