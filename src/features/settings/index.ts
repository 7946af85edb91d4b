/*
 * The settings feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { expiryInstant, localDate, localHour } from './local-time.js';
export { reminderKindLabels } from './reminder-labels.js';
export { settingsRoutes } from './settings.routes.js';
export type { ReminderKind } from './settings.schema.js';
export { reminderKinds } from './settings.schema.js';
export { getLearnerSettings, saveSettings, wantsEmail } from './settings.service.js';
export { checkUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';
