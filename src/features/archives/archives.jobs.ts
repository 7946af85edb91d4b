import type { JobFeature } from '../jobs/index.js';
import { eraseExpiredArchives } from './archives.service.js';

export const ERASE_QUEUE = 'archives-erase';

/** Every hour, archives past their time are erased with their files: "kept for 30 days" means gone after. */
export const archiveJobs: JobFeature = (ctx, queue) => [
  {
    name: ERASE_QUEUE,
    cron: '7 * * * *',
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      const erased = await eraseExpiredArchives(ctx, queue.now());
      if (erased > 0) ctx.log.info({ erased }, 'erased the archives of removed members whose time was up');
    },
  },
];
