import { readEarly } from '../lib/early-reads';
import * as pages from './pages';

/*
 * The page a visit lands on, started by the entry script (boot.ts) before the app's own code (React, the router,
 * the query cache: most of a first load) has arrived: its chunks, and the reads its route loaders will wait for
 * (router.tsx), so that neither waits for the app to arrive and run first (issue 17). Only the pages people
 * land on most are here; any other starts as the router finds it. The reads must be the paths the app's queries
 * ask for: a path that differs is asked for twice (the e2e test first-load.test.ts notices).
 */

/** Pages for everyone: no session to read. */
const PUBLIC = /^\/(sign-up|sign-in|forgot-password|reset-password|verify-email|invite|p|unsubscribe|sso)(\/|$)/;
/** An organisation's id at the start of the path (`/orgs/new` is a page, not an organisation). */
const ORG = /^\/orgs\/(?!new(?:\/|$))([^/]+)/;

/** A path segment as the router gives it to the app (a malformed escape stays as it is, as there). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Landing {
  path: RegExp;
  code: () => Promise<unknown>[];
  reads: (params: string[]) => string[];
}

const landings: Landing[] = [
  { path: /^\/sign-(?:in|up)\/?$/, code: () => [pages.authPages()], reads: () => [] },
  {
    path: new RegExp(`${ORG.source}\\/?$`),
    code: () => [pages.homePage()],
    reads: ([orgId]) => [`/api/orgs/${orgId}`, `/api/orgs/${orgId}/home`],
  },
  {
    // L&D's first page of a morning. Its figures are asked for only once the organisation says the visitor is an
    // admin (admins-only.tsx): a member who follows an old link is not refused on their behalf.
    path: new RegExp(`${ORG.source}\\/insights\\/?$`),
    code: () => [pages.insightsPage()],
    reads: ([orgId]) => [`/api/orgs/${orgId}`],
  },
  {
    // The overview shows the plan's due check-in and, once the guide is done, the next steps: read before the
    // first paint, so nothing arrives later and pushes the part cards down (Lighthouse's layout shift 0.19).
    path: new RegExp(`${ORG.source}\\/plans\\/([^/]+)\\/?$`),
    code: () => [pages.planLayout(), pages.planOverview()],
    reads: ([, planId]) => [
      `/api/plans/${planId}`,
      `/api/plans/${planId}/reviews`,
      `/api/plans/${planId}/checkins`,
      `/api/plans/${planId}/next-steps`,
    ],
  },
];

/**
 * What every signed-in page's layout shows first: who is signed in, and the reviews to sign. The bell's unread
 * count is read once the first page is drawn (notifications-link.tsx): a request fewer in the first wave.
 */
function signedInReads(pathname: string): string[] {
  const match = pathname.match(ORG)?.[1];
  const orgId = match && decoded(match);
  return ['/api/me', ...(orgId ? [`/api/reviews?orgId=${encodeURIComponent(orgId)}`] : [])];
}

/** The reads and chunks to start for a visit landing on `pathname` (exported for tests). */
export function landingFor(pathname: string): { reads: string[]; code: (() => Promise<unknown>[]) | undefined } {
  const landing = landings.find((l) => l.path.test(pathname));
  const params = landing ? (pathname.match(landing.path)?.slice(1) ?? []).map(decoded) : [];
  const reads = [...(PUBLIC.test(pathname) ? [] : signedInReads(pathname)), ...(landing?.reads(params) ?? [])];
  return { reads, code: landing?.code };
}

/** Starts the landing page's reads and chunks; the app takes them when it gets there. */
export function startLanding(pathname: string) {
  const { reads, code } = landingFor(pathname);
  for (const path of reads) readEarly(path);
  for (const loading of code?.() ?? []) loading.catch(() => {}); // the router reports a chunk that fails
}
