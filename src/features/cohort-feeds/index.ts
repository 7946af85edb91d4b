/*
 * The cohort feeds feature's public face (a cohort's Atom feed of reflections and OPML list of blogs, behind a
 * personal secret link): what other features and the server, scripts and benchmarks may use. Import from here,
 * never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { cohortFeedsRoutes } from './cohort-feeds.routes.js';
