import type { JobFeature } from '../jobs/index.js';
import { scanReminders } from './reminders.service.js';

export const SCAN_QUEUE = 'reminders-scan';

/**
 * The reminder scan, every 15 minutes: often enough that "from 08:00" means by 08:15 in every time zone
 * (including those offset by a quarter or half hour), cheap because each scan skips what was delivered.
 */
export const reminderJobs: JobFeature = (ctx, queue) => [
  {
    name: SCAN_QUEUE,
    cron: '*/15 * * * *',
    // One scan at a time: a slow scan is not overtaken by the next.
    queue: { policy: 'singleton', retryLimit: 2 },
    run: async () => {
      await scanReminders(ctx, queue.now());
    },
  },
];
