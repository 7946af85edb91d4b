/*
 * Feature boundaries (docs/ARCHITECTURE.md, "Feature boundaries"). `npm run lint` runs these rules through
 * scripts/check-boundaries.ts, which also refuses cycles between feature folders: dependency-cruiser has no rule
 * for cycles between groups of modules, only between modules.
 *
 * Tests may reach into anything they test: `*.test.ts` files are not cruised, and src/test/ (test support) may
 * import any file. That is the whole exception.
 */

const testFile = '\\.test\\.tsx?$';
const face = '^src/features/[^/]+/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'feature-face-between-features',
      comment:
        "A feature uses another only through its public face, index.ts: import '../plans/index.js', " +
        "never '../plans/plans.repository.js'.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', face] },
    },
    {
      name: 'feature-face-from-outside',
      comment:
        'The server, the database scripts, benchmarks and e2e support use a feature only through its index.ts ' +
        '(src/test/ may reach in; the web client has its own rule).',
      severity: 'error',
      from: { pathNot: ['^src/features/', '^src/test/', '^src/web/'] },
      to: { path: '^src/features/', pathNot: face },
    },
    {
      name: 'feature-own-face',
      comment:
        'Files of a feature import each other directly, never their own index.ts (which imports them all: a cycle).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: face },
      to: { path: '^src/features/$1/index\\.ts$' },
    },
    {
      name: 'web-no-server-code',
      comment:
        'The browser bundle shares only what the server and the web both read (schemas, labels, pure rules): ' +
        'never a face, service, repository, route or job, which would pull the server in.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/features/[^/]+/(index|[^/]*\\.(service|repository|routes|jobs))\\.ts$' },
    },
    {
      name: 'no-test-support-in-production',
      comment: 'Test support lives in src/test/ and only tests use it, and the demo seed, which reuses the factories.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/test/', testFile, '^src/db/(seed-demo|demo-[a-z-]+)\\.ts$'] },
      to: { path: '^src/test/' },
    },
    {
      name: 'no-circular',
      comment:
        'Modules import in one direction. A cycle closed only by an `import type` is left alone here: it is ' +
        'erased before it runs (between features, check-boundaries.ts refuses those too).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    includeOnly: '^(src|e2e|bench|scripts)/',
    exclude: { path: testFile },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
