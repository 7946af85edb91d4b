export * from './around.js';
export * from './auth.js';
export * from './collaboration.js';
export * from './log.js';
export * from './mail.js';
export * from './orgs.js';
export * from './plans.js';
export * from './sharing.js';
