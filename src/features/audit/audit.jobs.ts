import type { JobFeature } from '../jobs/index.js';
import { eraseExpiredEvents } from './audit.repository.js';

export const AUDIT_PRUNE_QUEUE = 'audit-prune';

/** Once a day, each organisation's audit events older than its retention are erased. */
export const auditJobs: JobFeature = (ctx, queue) => [
  {
    name: AUDIT_PRUNE_QUEUE,
    cron: '23 3 * * *',
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      const erased = await eraseExpiredEvents(ctx.db, queue.now());
      if (erased > 0) ctx.log.info({ erased }, 'audit events past their retention erased');
    },
  },
];
