import type { JobFeature } from '../features/jobs/index.js';
import { removeEndedRateLimitWindows } from './rate-limit-store.js';

export const RATE_LIMIT_SWEEP_QUEUE = 'rate-limits-sweep';

/**
 * Every ten minutes, counters whose window has ended are removed: a key seen once (one address tried once)
 * would otherwise stay for good. Counting never needs this; it only keeps the table small.
 */
export const rateLimitJobs: JobFeature = (ctx) => [
  {
    name: RATE_LIMIT_SWEEP_QUEUE,
    cron: '*/10 * * * *',
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      await removeEndedRateLimitWindows(ctx.db);
    },
  },
];
