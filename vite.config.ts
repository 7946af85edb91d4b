import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

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
  ],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: 'hidden' },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
