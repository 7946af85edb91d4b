/*
 * The programme-progress feature's public face (organisers' view of participants' progress, nudges): what other
 * features and the server, scripts and benchmarks may use. Import from here, never from the files behind it
 * (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { programmeProgressRoutes } from './progress.routes.js';
export { programmeProgress } from './progress.service.js';
