/*
 * The insights feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { moveLearnerFacts, refreshFacts } from './facts.js';
export { insightJobs } from './insights.jobs.js';
export { insightsRoutes } from './insights.routes.js';
export type { DashboardView } from './insights.schema.js';
