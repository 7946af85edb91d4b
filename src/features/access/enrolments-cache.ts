import { defineReadCache } from '../../server/read-cache.js';
import { type EnrolmentRecord, findEnrolment } from './programme-facts.js';

/**
 * Enrolments as the gate reads them: a participant opens "this week" and each thing many times a day, and every
 * one of those asks whose the enrolment is. Forgotten when the enrolment changes (joined again, left, completed,
 * progress written); one that is removed with its member or organisation is refused by the membership check
 * first, so its entry is never used.
 */
export const enrolmentsCache = defineReadCache<string, EnrolmentRecord | undefined>({
  name: 'enrolments',
  ttlMs: 10 * 60_000,
  maxEntries: 100_000,
  keyOf: (enrolmentId) => enrolmentId,
  load: (ctx, enrolmentId) => findEnrolment(ctx.db, enrolmentId),
  forgets: {
    enrolment: (change, cache) => cache.forget(change.enrolmentId),
  },
});
