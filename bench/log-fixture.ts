import { type BenchSession, call } from './api.js';

export const LOG_ENTRIES = 5_000;
const forms = ['peer_to_peer', 'mentoring', 'self_directed', 'on_the_job', 'reading_listening', 'formal_course'];
const topics = ['pivot tables', 'story time', 'cataloguing rules', 'community outreach', 'data clinics', 'SQL joins'];

/**
 * Gives the bench person a learning log of 5,000 entries over about two years (through the API, 20 at a time)
 * and answers the cursor of a page halfway down: keyset paging must be as fast there as on page one.
 */
export async function createLog(session: BenchSession): Promise<string> {
  let next = 0;
  const worker = async () => {
    while (next < LOG_ENTRIES) {
      const i = next++;
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 7) * 86_400_000).toISOString().slice(0, 10);
      await call(session, 'POST', '/api/log', {
        organizationId: session.organizationId,
        what: `Learned something new about ${topics[i % topics.length]} (note ${i})`,
        form: forms[i % forms.length],
        source: i % 3 === 0 ? 'A colleague' : '',
        learnedOn: day,
      });
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));

  let cursor = '';
  for (let page = 0; page < LOG_ENTRIES / 2 / 100; page++) {
    const res = await call<{ entries: unknown[]; nextCursor: string | null }>(
      session,
      'GET',
      `/api/log?orgId=${session.organizationId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (!res.nextCursor) throw new Error(`the log ended after ${page + 1} pages`);
    cursor = res.nextCursor;
  }
  return cursor;
}

/** The quick-capture request each connection sends: a new entry every time, as a learner would. */
export function captureRequest(session: BenchSession) {
  return {
    method: 'POST' as const,
    headers: {
      cookie: session.cookie,
      'content-type': 'application/json',
      'accept-encoding': 'gzip, deflate, br',
    },
    body: JSON.stringify({
      organizationId: session.organizationId,
      what: 'Pivot tables can group dates by month',
      form: 'peer_to_peer',
      source: 'Sam at the data clinic',
    }),
  };
}
