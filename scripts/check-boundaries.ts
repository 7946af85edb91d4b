import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { type FeatureCycle, featureCycles, featureOf, type Import } from './feature-cycles.js';

/*
 * Part of `npm run lint`: the rules in .dependency-cruiser.cjs (public faces, no module cycles, test support
 * kept to tests), then cycles between feature folders, which dependency-cruiser cannot express as a rule.
 * One cruise serves both. Exits 1, naming every problem, if there is any.
 */

function describeViolation(v: IViolation): string {
  const path = v.cycle?.length ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')})` : '';
  return `  ${v.rule.name}: ${v.from} → ${v.to}${path}`;
}

function describeCycle(cycle: FeatureCycle): string {
  const byPair = new Map<string, Import[]>();
  for (const i of cycle.imports) {
    const pair = `${featureOf(i.from)} → ${featureOf(i.to)}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), i]);
  }
  const pairs = [...byPair].map(
    ([pair, imports]) => `    ${pair}:\n${imports.map((i) => `      ${i.from} → ${i.to}`).join('\n')}`,
  );
  return `  ${cycle.features.join(', ')} reach each other:\n${pairs.join('\n')}`;
}

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(['src', 'e2e', 'bench', 'scripts'], { ...options, validate: true }, undefined, {
  tsConfig: extractTSConfig('tsconfig.json'),
});
// Without an output type, cruise answers the result itself, not a report.
if (typeof output === 'string') throw new Error('dependency-cruiser answered a report, not a result');
const result = output;

const violations = result.summary.violations.filter((v) => v.rule.severity === 'error');
const cycles = featureCycles(result.modules);

if (violations.length > 0) {
  console.error('Imports across boundaries (rules in .dependency-cruiser.cjs):');
  console.error(violations.map(describeViolation).join('\n'));
}
if (cycles.length > 0) {
  const advice =
    'move the shared piece down, or have buildApp hand the lower feature what it needs; ' +
    'docs/ARCHITECTURE.md, "Feature boundaries"';
  console.error(`Features that import each other, directly or round a loop (${advice}):`);
  console.error(cycles.map(describeCycle).join('\n'));
}
if (violations.length > 0 || cycles.length > 0) process.exit(1);
console.log(`Boundaries hold: ${result.summary.totalCruised} modules, no deep imports, no cycles between features.`);
