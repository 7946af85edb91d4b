import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { TxtResolver } from '../../src/server/ports.js';
import { openFreshDatabase } from './database-template.js';

/** The built web app: dist/web, or E2E_WEB_ROOT (so several builds can be tested side by side). */
export const webRoot = () => path.resolve(process.env.E2E_WEB_ROOT ?? 'dist/web');

/**
 * The real server with the built web app, on a fresh database (PGlite in memory, or a new PostgreSQL
 * database when TEST_DATABASE_URL is set), listening on a free port. Mail is kept for the operator (the
 * outbox), as on a fresh install, unless `env` gives an SMTP_URL (e.g. a test's own SMTP inbox). `options.dns`
 * answers DNS TXT look-ups (claimed domains) in place of the real DNS.
 */
export async function startServer(env: Record<string, string> = {}, options: { dns?: TxtResolver } = {}) {
  const { database, drop: dropDatabase } = await openFreshDatabase();

  // The port is only known after listening, and links in e-mails need it: listen first on a probe.
  const probe = (await import('node:net')).createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((r) => probe.close(r));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Uploaded files of this run go to a folder of its own, removed when the server stops.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    BASE_URL: baseUrl,
    PORT: String(port),
    WAYMARK_DATA_DIR: dataDir,
    ...env,
  });
  const { app, ctx } = await buildApp({
    config,
    database,
    authSecret: randomBytes(32).toString('hex'),
    logger: false,
    webRoot: webRoot(),
    ...(options.dns && { dns: options.dns }),
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl,
    app,
    /** The app's services, for a test to set up what no page makes (e.g. a notification). */
    ctx,
    async stop() {
      await app.close();
      await database.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
