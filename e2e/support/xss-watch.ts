import type { Page } from 'playwright-core';

/*
 * Two ways to tell that injected markup did harm. Execution: every page of the context gets `window.__xss`
 * and replacements for alert, confirm, prompt, print, open and eval that report to the test (through a
 * binding, which outlives navigations) instead of acting, while any real dialog or popup is caught as well.
 * Survival: markup of people's Markdown may only hold what src/server/markdown.ts allows, and nothing on the
 * page may carry an event handler or a script address, whether or not it happened to run.
 */

export interface ScriptWatch {
  /** What ran: the function called, on which page, with what. */
  calls: string[];
}

/** Starts watching `page` (from its next navigation on) and any page it opens. */
export async function watchForScript(page: Page): Promise<ScriptWatch> {
  const watch: ScriptWatch = { calls: [] };
  const context = page.context();
  await context.exposeBinding('__xssReport', ({ frame }, name: string, args: string) => {
    watch.calls.push(`${name}(${args}) on ${frame.url()}`);
  });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xssReport(name: string, args: string): void };
    const report =
      (name: string) =>
      (...args: unknown[]) => {
        w.__xssReport(name, args.map(String).join(', '));
      };
    // biome-ignore lint/security/noGlobalEval: kept to run Playwright's own evaluations, which use it
    const nativeEval = window.eval;
    const reportEval = report('eval');
    const watchedEval = (source: string) => {
      // Playwright evaluates the test's own functions with the page's eval: those must still run.
      if (new Error().stack?.includes('UtilityScript')) return nativeEval(source);
      reportEval(source);
    };
    const replacements: Record<string, unknown> = { eval: watchedEval };
    for (const name of ['__xss', 'alert', 'confirm', 'prompt', 'print', 'open']) replacements[name] = report(name);
    for (const [name, value] of Object.entries(replacements)) {
      Object.defineProperty(window, name, { value, writable: false, configurable: false });
    }
  });
  const catchDialogs = (p: Page) =>
    p.on('dialog', (dialog) => {
      watch.calls.push(`${dialog.type()} dialog "${dialog.message()}" on ${p.url()}`);
      void dialog.dismiss();
    });
  catchDialogs(page);
  // Any other page of this context was opened by injected script.
  context.on('page', (popup) => {
    watch.calls.push(`a popup opened: ${popup.url()}`);
    catchDialogs(popup);
  });
  return watch;
}

/** What injected markup left on the page that could run; empty when the page is clean. */
export function findSurvivors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    // The allow-list of src/server/markdown.ts, written out again on purpose (not imported): loosening the
    // sanitiser must fail this test, and what is checked is what the browser ended up with.
    const markdownTags: Record<string, string[]> = {
      P: [],
      BR: [],
      STRONG: [],
      EM: [],
      DEL: [],
      CODE: [],
      PRE: [],
      BLOCKQUOTE: [],
      UL: [],
      OL: ['start'],
      LI: [],
      A: ['href', 'rel', 'target'],
      H3: [],
      H4: [],
      H5: [],
      H6: [],
      HR: [],
      TABLE: [],
      THEAD: [],
      TBODY: [],
      TR: [],
      TH: ['align'],
      TD: ['align'],
    };
    for (const el of document.querySelectorAll('.post-body *, .comment-body *')) {
      const allowed = markdownTags[el.tagName];
      if (!allowed) found.push(`<${el.tagName.toLowerCase()}> in people's text: ${describe(el)}`);
      for (const attr of el.attributes) {
        if (!allowed?.includes(attr.name)) found.push(`attribute ${attr.name} in people's text: ${describe(el)}`);
      }
      // A refused address leaves the link without one: harmless. Otherwise, where the browser would go.
      const href = el.tagName === 'A' ? el.getAttribute('href') : null;
      if (href !== null) {
        const protocol = URL.parse(href, location.href)?.protocol;
        if (!['http:', 'https:', 'mailto:'].includes(protocol ?? '')) found.push(`a link to ${href} in people's text`);
        if (!/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) found.push(`a link without noopener: ${describe(el)}`);
      }
    }
    // Search results are escaped text with only the matches marked, under links the server makes.
    for (const el of document.querySelectorAll('.search-results li *')) {
      const ok =
        ['P', 'H2', 'MARK'].includes(el.tagName) ||
        (el.tagName === 'A' && /^\/orgs\//.test(el.getAttribute('href') ?? ''));
      if (!ok) found.push(`in a search result: ${describe(el)}`);
    }
    // The app's own drawings: lucide's icons, the brand mark and the empty states' illustrations, all hidden from
    // assistive technology. People's text can carry no class (the sanitiser's allow-list above has none), so an
    // injected <svg> never passes for one of these.
    const ownDrawing = (el: Element) =>
      el.tagName.toLowerCase() === 'svg' &&
      el.getAttribute('aria-hidden') === 'true' &&
      /^(lucide\b|brand-mark$|illustration$)/.test(el.getAttribute('class') ?? '') &&
      !el.closest('.post-body, .comment-body, .search-results, .notification-body');
    // Anywhere on the page: no frames, plug-ins or base address, no handler attributes, no script addresses.
    for (const el of document.body.querySelectorAll(
      'script, iframe, frame, object, embed, applet, base, meta, svg, math',
    )) {
      if (!ownDrawing(el)) found.push(`<${el.tagName.toLowerCase()}> on the page: ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        // Browsers ignore control characters and spaces before a scheme: so must this check.
        const value = [...attr.value]
          .filter((ch) => ch > ' ')
          .join('')
          .toLowerCase();
        if (/^on/i.test(attr.name)) found.push(`handler ${attr.name} on ${describe(el)}`);
        else if (/^(javascript|vbscript|data):/.test(value) && attr.name !== 'content') {
          found.push(`script address in ${attr.name} on ${describe(el)}`);
        }
      }
    }
    return found;
  });
}
