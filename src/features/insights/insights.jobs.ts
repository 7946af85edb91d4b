import type { JobFeature } from '../jobs/job-queue.js';
import { refreshAllInsights } from './settings.service.js';

export const REFRESH_QUEUE = 'insights-refresh';

/**
 * Insights count facts built from plans and logs; this rebuilds them every hour, so figures are at most an
 * hour behind what learners wrote (consent changes apply at once: see consent.service.ts).
 */
export const insightJobs: JobFeature = (ctx, queue) => [
  {
    name: REFRESH_QUEUE,
    cron: '7 * * * *',
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      await refreshAllInsights(ctx, queue.now());
    },
  },
];
