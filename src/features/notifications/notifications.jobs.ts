import type { JobFeature } from '../jobs/index.js';
import { DELIVER_QUEUE, deliverNotification, type NotifyInput } from './notify.js';

/** One job per notification: stores it and sends its e-mail; a failed send is retried with backoff. */
export const notificationJobs: JobFeature = (ctx) => [
  {
    name: DELIVER_QUEUE,
    // A morning's reminders come in bursts; e-mails go one after another, 25 per poll.
    batchSize: 25,
    run: async (job) => {
      await deliverNotification(ctx, job.data as NotifyInput, job.retryCount);
    },
  },
];
