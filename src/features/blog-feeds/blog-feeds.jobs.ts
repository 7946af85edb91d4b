import type { JobFeature } from '../jobs/index.js';
import { readDueFeeds } from './feed-reading.js';

export const READ_FEEDS_QUEUE = 'blog-feeds-read';

/**
 * Every ten minutes, the participants' blog feeds that are due (each about hourly, later after failures) are
 * read. A singleton: one run at a time across instances; the claim in readDueFeeds keeps overlapping runs apart.
 */
export const blogFeedJobs: JobFeature = (ctx, queue) => [
  {
    name: READ_FEEDS_QUEUE,
    cron: '*/10 * * * *',
    queue: { policy: 'singleton', retryLimit: 1 },
    run: async () => {
      const counts = await readDueFeeds(ctx, queue.now());
      if (counts.read + counts.failed + counts.not_modified > 0) ctx.log.info(counts, 'read blog feeds');
    },
  },
];
