/*
 * The checkins feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export type { CheckinCadence } from './checkin-schedule.js';
export { cadenceFrequency, checkinDueOn } from './checkin-schedule.js';
export { checkinsOfPlan } from './checkins.repository.js';
export { checkinsRoutes } from './checkins.routes.js';
export { listCheckins } from './checkins.service.js';
