import type { JobFeature } from '../jobs/index.js';
import { removeAbandonedUploads } from './database-file-store.js';

export const ABANDONED_UPLOADS_QUEUE = 'files-abandoned-uploads';

/** Every hour, uploads into the database that a stopped process never finished are removed (invisible till then). */
export const evidenceJobs: JobFeature = (ctx) => [
  {
    name: ABANDONED_UPLOADS_QUEUE,
    cron: '23 * * * *',
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      const removed = await removeAbandonedUploads(ctx.db);
      if (removed > 0) ctx.log.info({ removed }, 'removed uploads that were never finished');
    },
  },
];
