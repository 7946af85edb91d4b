import path from 'node:path';
import type { Plugin } from 'vite';
import { withStaticImports } from './initial-js-budget.js';

/**
 * The page's entry script (src/web/boot.ts) loads the app with import(), so that it can start the first page's
 * reads before the app has arrived. This lists the app's chunks in index.html as module preloads, so that the
 * browser fetches them from the start, beside the entry, rather than once the entry has run. They count in the
 * initial JavaScript (initial-js-budget.ts).
 */
export function preloadApp(appModule: string): Plugin {
  return {
    name: 'waymark-preload-app',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const app = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.moduleIds.includes(path.resolve(appModule)),
        );
        if (!app) throw new Error(`${appModule} is not a chunk of the build: nothing to preload`);
        const importsOf = (file: string) => {
          const output = bundle[file];
          return output?.type === 'chunk' ? output.imports : [];
        };
        const loaded = new Set(withStaticImports([chunk.fileName], importsOf)); // the entry's, preloaded by Vite
        return withStaticImports([app.fileName], importsOf)
          .filter((file) => !loaded.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * Preloads the text font (the files whose names match `pattern`) from index.html. Found only once the
 * stylesheet is applied to the first page's text, the font was the last link of the longest chain of requests
 * before the first paint (document → stylesheet → font, Lighthouse's critical chains).
 */
export function preloadFonts(pattern: RegExp): Plugin {
  return {
    name: 'waymark-preload-fonts',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const fonts = Object.keys(bundle).filter((file) => pattern.test(file));
        if (fonts.length === 0) throw new Error(`No font of the build matches ${pattern}: nothing to preload`);
        return fonts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
