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

/**
 * Chunk names for the web build's code splitting: the framework in one chunk, and the app's own code that runs
 * before any page (`app`'s static imports, less what the entry `entry` needs itself) in one more, rather than in
 * a dozen small chunks shared with the pages, each a request of its own on a first visit. The pages' code stays
 * in chunks of their own, loaded when used.
 */
export function chunkNames(entry: string, app: string) {
  let appShell: Set<string> | undefined;
  return (id: string, graph: ModuleGraph): string | null => {
    if (/node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/.test(id)) return 'framework';
    if (!appShell) {
      const before = staticGraph(path.resolve(entry), graph);
      appShell = new Set([...staticGraph(path.resolve(app), graph)].filter((m) => !before.has(m)));
    }
    // The shell's icons (lucide-react, one small module each) and React Aria's toast queue (with the
    // useSyncExternalStore shim it imports, ~1 kB) go with it, not in tiny chunks of their own.
    const ownOrIcon =
      !id.includes('node_modules') ||
      /node_modules[\\/](lucide-react|use-sync-external-store|react-stately[\\/]dist[\\/](exports|private[\\/]toast)[\\/]useToastState)/.test(
        id,
      );
    return appShell.has(id) && ownOrIcon ? 'main' : null;
  };
}
