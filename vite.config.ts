import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { chunkNames } from './scripts/app-chunks.js';
import { INPUTS_FILE, recordInputs, root } from './scripts/build-inputs.mjs';
import { initialJsBudget } from './scripts/initial-js-budget.js';
import { preloadApp, preloadFonts } from './scripts/preload-app.js';
import { serviceWorker } from './scripts/service-worker.js';

/** What the web build is made from besides the modules it bundles: the page, its icon, and the build's own rules. */
const BUILT_FROM = [
  'src/web/index.html',
  'src/web/favicon.svg',
  'src/web/public/theme-boot.js',
  'scripts/app-chunks.ts',
  'scripts/initial-js-budget.ts',
  'scripts/preload-app.ts',
  'scripts/service-worker.ts',
  'src/web/pwa/service-worker.ts',
  'src/web/public/manifest.webmanifest',
  'src/web/public/icons/icon-192.png',
  'src/web/public/icons/icon-512.png',
  'src/web/public/icons/maskable-512.png',
  'src/web/public/icons/apple-touch-icon.png',
];

/** Records every project file the bundle was made from, with its hash (read by scripts/build-if-changed.mjs). */
function recordBuildInputs(): Plugin {
  let files: string[] = [];
  return {
    name: 'waymark-record-inputs',
    apply: 'build',
    generateBundle() {
      files = [...this.getModuleIds()]
        .map((id) => id.split('?')[0] as string)
        .filter((id) => path.isAbsolute(id) && id.startsWith(root) && !id.includes('node_modules'))
        .map((id) => path.relative(root, id));
    },
    closeBundle() {
      recordInputs(INPUTS_FILE, [...BUILT_FROM, ...files]);
    },
  };
}

// The web app lives in src/web and is built into dist/web, which the Fastify server serves. Source maps are
// built for debugging but not named in the bundles, and the server never serves them in production.
// Every file over 1 KB is also written compressed (brotli at its best, gzip at 9), once, at build time: the
// server sends the variant the browser accepts (@fastify/static `preCompressed`), never compressing per request.
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      exclude: [/\.map$/],
      threshold: 1024,
    }),
    // The entry (boot.ts) starts the first page's reads, then imports the app, which loads from the start.
    preloadApp(path.join(root, 'src/web/main.tsx')),
    // The text font (Inter, latin, all weights in one file) from the start rather than once the page has text.
    preloadFonts(/inter-latin-wght-normal-[\w-]+\.woff2$/),
    // Fails the build when the JavaScript of a first visit is over 150 KB gzip (issue 17).
    initialJsBudget(),
    recordBuildInputs(),
    // Last: the worker lists every file the build wrote (scripts/service-worker.ts).
    serviceWorker(path.join(root, 'src/web/pwa/service-worker.ts')),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: 'hidden',
    manifest: true,
    // The icon is a file of its own (cached for a year by its hashed name), not a data: address in the page: the
    // XSS checks refuse any data: address on a page (e2e/support/xss-watch.ts).
    assetsInlineLimit: (file) => (file.endsWith('favicon.svg') ? false : undefined),
    // The framework, the app's shell and each page in chunks of their own (scripts/app-chunks.ts).
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A module the entry needs stays with it, though a grouped module imports it too.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: chunkNames(path.join(root, 'src/web/boot.ts'), path.join(root, 'src/web/main.tsx'), {
                shared: [path.join(root, 'src/web/features/home/next-steps.tsx')],
                pages: {
                  'plan-page': [
                    path.join(root, 'src/web/features/plans/plan-layout.tsx'),
                    path.join(root, 'src/web/features/plans/plan-overview.tsx'),
                  ],
                },
              }),
              debugName: 'framework and app shell',
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
