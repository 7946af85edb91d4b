/*
 * The colour theme a person chooses (light, dark, or the system's), kept in this browser. public/theme-boot.js
 * applies it before the first paint and whenever it changes; this is the app's side: read and change it.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

const KEY = 'waymark-theme';

export const themeLabels: Record<ThemeChoice, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

export function chosenTheme(): ThemeChoice {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function chooseTheme(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage refused: the choice lasts until the page is left.
    const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.documentElement.dataset.theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
    return;
  }
  window.dispatchEvent(new Event('waymark-theme-change'));
}
