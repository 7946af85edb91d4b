/*
 * The evidence feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { createDatabaseFileStore } from './database-file-store.js';
export { evidenceJobs } from './evidence.jobs.js';
export { evidenceOfGoal, evidenceOfGoals } from './evidence.repository.js';
export { evidenceRoutes } from './evidence.routes.js';
export { evidenceView, goalParams } from './evidence.schema.js';
export { addEvidence, openStoredFile, recordLinkEvidence } from './evidence.service.js';
export { evidenceViewOf, ownerDownloadUrl } from './evidence-view.js';
export { createDiskFileStore } from './file-store.js';
export { imageExtensions, imageKindOfName } from './file-types.js';
export { storeCheckedUpload } from './store-upload.js';
