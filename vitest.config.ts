import os from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Test files whose budgets are timings measured across processes (three instances behind HAProxy): they run
 * alone, after the other services' files. Beside another file on a 2-core machine a read through the
 * balancer took over 100 ms at p99 (CI, 7 December) though the change had reached every instance before it.
 */
const RUN_ALONE = ['src/server/instances.test.ts'];

/** What `unit` and `alone` share: a real database made once per run, and each file in a process of its own. */
const SERVICES: TestProjectInlineConfiguration['test'] = {
  globalSetup: ['src/test/global-setup.ts'],
  testTimeout: 20_000,
  hookTimeout: 60_000,
  pool: 'forks',
};

/**
 * Three projects, one after the other: `unit` (services and routes on a real database: PGlite by default,
 * PostgreSQL when TEST_DATABASE_URL is set), `alone` (the files of RUN_ALONE, one at a time, on the same kind
 * of database) and `e2e` (the built app in Chromium). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...RUN_ALONE],
          ...SERVICES,
          // Services first, then the browser: the groups run one after the other, each with its own workers.
          sequence: { groupOrder: 0 },
          // Test files of a worker share its loaded modules rather than import the whole app afresh each time
          // (a file's app, database and caches are still its own: createTestApp). Import time was most of the
          // suite's: 297 s → 180 s on PGlite, 314 s → 250 s on PostgreSQL, on 2 cores.
          isolate: false,
          // One file per core (Vitest's default leaves one core out: on a 2-core machine, one file at a time).
          // Files wait on their database much of the time; on 2 cores this took the unit suite from ~200 s
          // to 130 s on PGlite and ~160 s to 90 s on PostgreSQL.
          maxWorkers: os.availableParallelism(),
        },
      },
      {
        test: {
          name: 'alone',
          include: RUN_ALONE,
          ...SERVICES,
          sequence: { groupOrder: 1 },
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          sequence: { groupOrder: 2 },
          // The longest browser test (a whole plan through the guide) takes about a minute on a slow machine.
          testTimeout: 150_000,
          hookTimeout: 120_000,
          // One file at a time: on a 2-core machine two browsers and servers starve each other into timeouts.
          fileParallelism: false,
        },
      },
    ],
  },
});
