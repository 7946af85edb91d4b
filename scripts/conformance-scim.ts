/**
 * SCIM conformance: runs Microsoft's SCIM reference Postman collection (AzureAD/SCIMReferenceCode,
 * Microsoft.SCIM.Sample/PostmanCollection.json) with newman against Waymark, and fails unless every assertion
 * passes. The collection is not part of Waymark: fetch it and pass its path.
 *
 *   npm run conformance:scim -- /path/to/PostmanCollection.json
 *
 * Starts Waymark on a temporary PGlite database on a free port, makes an organisation with an owner, and has the
 * owner make a SCIM token through the owner's route. The collection's "Get Token" folder asks the reference
 * server's own test-token endpoint, which Waymark does not have (a token is made by an owner, never handed out
 * by an endpoint): that folder is left out and the `token` variable is set to the owner's SCIM token; every other
 * folder and request runs, in the collection's order.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';
import { cookieHeaderFrom } from '../src/test/app.js';
import { createOrg, createUser } from '../src/test/factories.js';

interface NewmanSummary {
  run: {
    stats: { assertions: { total: number; failed: number }; requests: { total: number; failed: number } };
    failures: { error: { message: string; test?: string }; source?: { name?: string } }[];
  };
}
type Newman = { run(options: object, done: (err: Error | null, summary: NewmanSummary) => void): void };
// newman has no ESM build or types: loaded as CommonJS.
const newman = createRequire(import.meta.url)('newman') as Newman;

const SECRET = 'conformance-secret-that-is-long-enough-0123456789';

async function main() {
  const collectionPath = process.argv[2];
  if (!collectionPath) throw new Error('Pass the path of the SCIM reference PostmanCollection.json.');
  const collection = JSON.parse(fs.readFileSync(collectionPath, 'utf8')) as { item: { name: string }[] };
  collection.item = collection.item.filter((item) => item.name !== 'Get Token');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-scim-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: SECRET,
    BASE_URL: 'http://127.0.0.1:3000',
    WAYMARK_DATA_DIR: dataDir,
    MAIL_TRANSPORT: 'outbox',
  });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  await runMigrations(database);
  const { app } = await buildApp({ config, database, authSecret: SECRET, logger: false, webRoot: '/nonexistent' });
  try {
    const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    const owner = await createUser(database.db, { name: 'Conformance owner' });
    const { org } = await createOrg(database.db, { name: 'SCIM conformance', owner });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: owner.email, password: owner.password },
    });
    if (signIn.statusCode !== 200) throw new Error(`owner sign-in: ${signIn.statusCode} ${signIn.body}`);
    const made = await app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/scim/tokens`,
      headers: { cookie: cookieHeaderFrom(signIn.headers['set-cookie']) },
      payload: { name: 'Conformance run' },
    });
    if (made.statusCode !== 201) throw new Error(`SCIM token: ${made.statusCode} ${made.body}`);
    const token = (made.json() as { secret: string }).secret;

    const summary = await new Promise<NewmanSummary>((resolve, reject) =>
      newman.run(
        {
          collection,
          environment: {
            values: [
              { key: 'Protocol', value: 'http' },
              { key: 'Server', value: address.hostname },
              { key: 'Port', value: `:${address.port}` },
              { key: 'Api', value: 'scim/v2' },
              { key: 'token', value: token },
            ],
          },
          reporters: ['cli'],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      ),
    );
    const { assertions, requests } = summary.run.stats;
    console.log(
      `SCIM conformance: ${requests.total} requests, ${assertions.total} assertions, ${assertions.failed} failed`,
    );
    for (const f of summary.run.failures)
      console.log(`  ✗ ${f.source?.name ?? '?'}: ${f.error.test ?? ''} ${f.error.message}`);
    process.exitCode = assertions.failed === 0 && summary.run.failures.length === 0 ? 0 : 1;
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
