/*
 * The blog feeds feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { blogFeedJobs, READ_FEEDS_QUEUE } from './blog-feeds.jobs.js';
export { blogFeedsRoutes } from './blog-feeds.routes.js';
export type { BlogStatusView } from './blog-feeds.schema.js';
export { readDueFeeds } from './feed-reading.js';
