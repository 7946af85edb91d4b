import { loadConfig } from '../config.js';
import { openDatabaseForCommand } from './command-database.js';
import { runMigrations } from './migrate.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const config = loadConfig();
const database = await openDatabaseForCommand(config, 'npm run db:migrate');
await runMigrations(database);
await database.close();
console.log(`Migrations applied (${database.kind}).`);
