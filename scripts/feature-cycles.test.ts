import { describe, expect, it } from 'vitest';
import { type CruisedModule, featureCycles } from './feature-cycles.js';

/** A cruised module importing `imports`. */
const module = (source: string, ...imports: string[]): CruisedModule => ({
  source,
  dependencies: imports.map((resolved) => ({ resolved })),
});

describe('featureCycles', () => {
  it('finds none when features import in one direction', () => {
    const modules = [
      module('src/features/plans/plans.service.ts', 'src/features/access/index.ts', 'src/server/errors.ts'),
      module('src/features/sharing/sharing.service.ts', 'src/features/plans/index.ts', 'src/features/access/index.ts'),
      module('src/features/access/index.ts', 'src/features/access/access.ts'),
      // Inside one feature files may import each other round a loop: only folders count.
      module('src/features/access/access.ts', 'src/features/access/resource-kinds.ts'),
      module('src/features/access/resource-kinds.ts', 'src/features/access/access.ts'),
    ];
    expect(featureCycles(modules)).toEqual([]);
  });

  it('names the features of a loop without a module cycle, and the imports that close it', () => {
    const modules = [
      module('src/features/plans/plans.service.ts', 'src/features/templates/index.ts'),
      module('src/features/templates/templates.service.ts', 'src/features/sharing/index.ts'),
      module('src/features/sharing/shared-view.ts', 'src/features/plans/plans.schema.ts'),
      module('src/features/sharing/sharing.service.ts', 'src/features/access/index.ts'),
    ];
    expect(featureCycles(modules)).toEqual([
      {
        features: ['plans', 'sharing', 'templates'],
        imports: [
          { from: 'src/features/plans/plans.service.ts', to: 'src/features/templates/index.ts' },
          { from: 'src/features/sharing/shared-view.ts', to: 'src/features/plans/plans.schema.ts' },
          { from: 'src/features/templates/templates.service.ts', to: 'src/features/sharing/index.ts' },
        ],
      },
    ]);
  });

  it('leaves tests and test support out of the layering', () => {
    const modules = [
      module('src/features/access/access.ts', 'src/features/access/actor.ts'),
      module('src/features/plans/plans.service.ts', 'src/features/access/index.ts'),
      module('src/features/access/access-matrix.test.ts', 'src/features/plans/plans.repository.ts'),
      module('src/test/access-rows/plans.ts', 'src/features/plans/index.ts'),
      module('src/features/access/access.ts', 'src/test/factories.ts'),
    ];
    expect(featureCycles(modules)).toEqual([]);
  });
});
