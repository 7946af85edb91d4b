/*
 * Cycles between feature folders, from dependency-cruiser's module graph. dependency-cruiser finds cycles between
 * modules only; two features can import each other without any module cycle (plans/a → sharing/b,
 * sharing/c → plans/d), which is what keeps features from being layered. Every import counts, `import type`
 * included: a type still ties one feature's code to the other's.
 */

/** The part of a cruised module this needs (dependency-cruiser's IModule satisfies it). */
export interface CruisedModule {
  source: string;
  dependencies: readonly { resolved: string }[];
}

export interface Import {
  from: string;
  to: string;
}

export interface FeatureCycle {
  /** The features that reach each other, sorted. */
  features: string[];
  /** Every import from one of them into another: the ones to undo to break the cycle. */
  imports: Import[];
}

/** The feature a file belongs to (src/features/<name>/...), or undefined outside the feature folders. */
export function featureOf(path: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(path)?.[1];
}

/** Test files and test support may reach anywhere; they are not part of the layering. */
export const isTestCode = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith('src/test/');

/** The imports between feature folders, by importing feature then imported feature. */
export function featureImports(modules: readonly CruisedModule[]): Map<string, Map<string, Import[]>> {
  const graph = new Map<string, Map<string, Import[]>>();
  for (const m of modules) {
    const from = featureOf(m.source);
    if (!from || isTestCode(m.source)) continue;
    for (const d of m.dependencies) {
      const to = featureOf(d.resolved);
      if (!to || to === from || isTestCode(d.resolved)) continue;
      const targets = graph.get(from) ?? new Map<string, Import[]>();
      graph.set(from, targets);
      const imports = targets.get(to) ?? [];
      // A file may import another twice (its values, then its types): one import to undo.
      if (!imports.some((i) => i.from === m.source && i.to === d.resolved))
        imports.push({ from: m.source, to: d.resolved });
      targets.set(to, imports);
    }
  }
  return graph;
}

/** The strongly connected components of more than one feature (Tarjan's algorithm), each with its imports. */
export function featureCycles(modules: readonly CruisedModule[]): FeatureCycle[] {
  const graph = featureImports(modules);
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (feature: string) => {
    index.set(feature, index.size);
    lowest.set(feature, index.get(feature) as number);
    stack.push(feature);
    onStack.add(feature);
    for (const next of graph.get(feature)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(feature, Math.min(lowest.get(feature) as number, lowest.get(next) as number));
      } else if (onStack.has(next)) {
        lowest.set(feature, Math.min(lowest.get(feature) as number, index.get(next) as number));
      }
    }
    if (lowest.get(feature) !== index.get(feature)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== feature);
    if (component.length > 1) components.push(component.sort());
  };
  for (const feature of [...graph.keys()].sort()) if (!index.has(feature)) visit(feature);

  return components.map((features) => {
    const inCycle = new Set(features);
    const imports = features.flatMap((from) =>
      [...(graph.get(from) ?? [])].filter(([to]) => inCycle.has(to)).flatMap(([, list]) => list),
    );
    return { features, imports };
  });
}
