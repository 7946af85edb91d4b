/*
 * The colour theme, set before the first paint (ui/tokens.css reads data-theme on <html>): the one the person
 * chose in Waymark (kept in this browser: ui/theme.ts), else the system's, followed as it changes. A classic
 * script in <head>, not a module: the page is not drawn until it has run, so it never flashes the other theme.
 * Its own file, not inline: the content security policy runs no inline script.
 */
(() => {
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let chosen = null;
    try {
      chosen = localStorage.getItem('waymark-theme');
    } catch {
      // Storage refused (a privacy setting): the system's theme.
    }
    root.dataset.theme = chosen === 'light' || chosen === 'dark' ? chosen : system.matches ? 'dark' : 'light';
  };
  apply();
  system.addEventListener('change', apply);
  // A choice made in this tab (ui/theme.ts) or in another one.
  window.addEventListener('waymark-theme-change', apply);
  window.addEventListener('storage', (e) => {
    if (e.key === 'waymark-theme') apply();
  });
  // React Aria adds a <style> of one rule for its pressable controls unless an element with this id is there; the
  // content security policy would refuse it (no inline styles), so the rule is in our own CSS (ui/ui.css) instead.
  const pressable = document.createElement('meta');
  pressable.id = 'react-aria-pressable-style';
  document.head.append(pressable);
})();
