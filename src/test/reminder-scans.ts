import PgBoss from 'pg-boss';
import { DELIVER_QUEUE } from '../features/notifications/notify.js';
import { SCAN_QUEUE } from '../features/reminders/reminders.jobs.js';

/*
 * The reminder scan, sent into the instances' own job queue (pg-boss, schema `pgboss`) from outside, as a
 * schedule would send it: the scan runs every 15 minutes, too slow to wait for. Nothing here runs a job; the
 * instances' workers take them.
 */
export async function reminderScans(databaseUrl: string) {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
  });
  // A lost connection of this client must not end the test process; a failed call throws where it is made.
  boss.on('error', () => {});
  await boss.start();
  return {
    /** Sends the scan `times` times at once, as if that many instances' schedules fired together. */
    async send(times: number) {
      await Promise.all(Array.from({ length: times }, () => boss.send(SCAN_QUEUE, {})));
    },
    /** Scans and deliveries not finished yet (retries included). */
    async pending() {
      return (
        ((await boss.getQueueSize(SCAN_QUEUE, { before: 'completed' })) ?? 0) +
        ((await boss.getQueueSize(DELIVER_QUEUE, { before: 'completed' })) ?? 0)
      );
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
