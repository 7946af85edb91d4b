import { startLanding } from './app/landing';
import './styles.css';

/*
 * The page's one script (index.html). It starts the landing page's reads and code (app/landing.ts), then runs
 * the app, whose chunks the page has been fetching since it began (preloaded: vite.config.ts), so that the two
 * arrive together rather than one after the other.
 */
try {
  startLanding(window.location.pathname);
} catch {
  // Only a head start: the app reads what it needs itself.
}
void import('./main');
