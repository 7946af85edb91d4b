import type { JobFeature } from '../jobs/index.js';
import { refreshFacts } from './facts.js';
import { RECOUNT_QUEUE, refreshAllInsights } from './settings.service.js';

export const REFRESH_QUEUE = 'insights-refresh';

/**
 * Insights count facts built from plans and logs; this rebuilds them every hour, so figures are at most an
 * hour behind what learners wrote (consent changes apply at once: see consent.service.ts); an admin's "count
 * again now" is queued here too.
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
  {
    // "Count again now" (settings.service.ts): one organisation, one waiting and one running at most.
    name: RECOUNT_QUEUE,
    queue: { policy: 'stately', retryLimit: 2 },
    run: async (job) => {
      await refreshFacts(ctx.db, (job.data as { orgId: string }).orgId, queue.now());
    },
  },
];
