/*
 * The mail feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */

export { createOutboxMailer, createSmtpMailer } from './mailer.js';
export { notificationMail } from './reminder-templates.js';
export {
  addedByDirectoryMail,
  escapeHtml,
  existingAccountMail,
  invitationMail,
  resetPasswordMail,
  verifyEmailMail,
} from './templates.js';
