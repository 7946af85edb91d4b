import { loadConfig } from '../config.js';
import { openDatabaseForCommand } from './command-database.js';
import { runMigrations } from './migrate.js';
import { DEMO_ORG_NAME, DEMO_PASSWORD, demoAdminEmail, demoOwnerEmail, seedDemo } from './seed-demo.js';

/** `npm run db:seed`: migrates, then adds the demo organisation (once) to the configured database. */
const config = loadConfig();
const database = await openDatabaseForCommand(config, 'npm run db:seed');
await runMigrations(database);
const result = await seedDemo(database.db);
await database.close();
console.log(
  result.created
    ? `Seeded "${DEMO_ORG_NAME}" with ${result.people} people (${database.kind}).`
    : `"${DEMO_ORG_NAME}" is there already (${database.kind}).`,
);
console.log(
  `Sign in as ${demoOwnerEmail} (owner) or ${demoAdminEmail} (L&D admin); every demo password is "${DEMO_PASSWORD}".`,
);
