/*
 * The notifications feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { notificationJobs } from './notifications.jobs.js';
export { notificationsRoutes } from './notifications.routes.js';
export type { NotifyInput } from './notify.js';
export { DELIVER_QUEUE, notify } from './notify.js';
export { unsubscribeRoutes } from './unsubscribe.routes.js';
