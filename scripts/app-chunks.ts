import path from 'node:path';

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module `from` imports statically, directly or not, with `from` itself. */
function staticGraph(from: string, graph: ModuleGraph): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const imported of graph.getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(from);
  return seen;
}

/** Where a landing page's code goes: one chunk of its own, and modules it shares with another landing page. */
export interface LandingCode {
  /**
   * Modules that more than one landing page shows first (home's and the plan overview's next steps): in the
   * shell's chunk (`main`), a few hundred bytes more for every page rather than a request more for each of them.
   */
  shared: string[];
  /**
   * A landing page made of several modules, each with small modules of its own (the plan overview: its layout, the
   * review notices, the guide's checklist, the item texts): one chunk named by the key, not one per module. On a
   * phone each request waits a round trip for one of the six connections, and the plan overview's first wave was
   * seven reads and six chunks (Lighthouse's LCP 2.6 s, budget 2.5 s).
   */
  pages: Record<string, string[]>;
}

/**
 * Chunk names for the web build's code splitting: the framework in one chunk, and the app's own code that runs
 * before any page (`app`'s static imports, less what the entry `entry` needs itself) in one more, rather than in
 * a dozen small chunks shared with the pages, each a request of its own on a first visit. The pages' code stays
 * in chunks of their own, loaded when used; the landing pages' code as `landing` says.
 */
export function chunkNames(entry: string, app: string, landing: LandingCode) {
  let appShell: Set<string> | undefined;
  let pageOf: Map<string, string> | undefined;
  return (id: string, graph: ModuleGraph): string | null => {
    if (/node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/.test(id)) return 'framework';
    if (!appShell || !pageOf) {
      const before = staticGraph(path.resolve(entry), graph);
      const shell = new Set([...staticGraph(path.resolve(app), graph)].filter((m) => !before.has(m)));
      for (const root of landing.shared) {
        for (const m of staticGraph(path.resolve(root), graph)) if (!before.has(m)) shell.add(m);
      }
      appShell = shell;
      pageOf = new Map();
      for (const [name, roots] of Object.entries(landing.pages)) {
        for (const root of roots) {
          for (const m of staticGraph(path.resolve(root), graph)) {
            if (!shell.has(m) && !before.has(m) && !m.includes('node_modules')) pageOf.set(m, name);
          }
        }
      }
    }
    // The shell's icons (lucide-react, one small module each) and React Aria's toast queue (with the
    // useSyncExternalStore shim it imports, ~1 kB) go with it, not in tiny chunks of their own.
    const ownOrIcon =
      !id.includes('node_modules') ||
      /node_modules[\\/](lucide-react|use-sync-external-store|react-stately[\\/]dist[\\/](exports|private[\\/]toast)[\\/]useToastState)/.test(
        id,
      );
    if (appShell.has(id) && ownOrIcon) return 'main';
    return pageOf.get(id) ?? null;
  };
}
