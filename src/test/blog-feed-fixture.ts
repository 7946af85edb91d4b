import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import type { Database } from '../db/client.js';
import { programme, programmeCohort, programmeEnrolment, programmeThing, programmeWeek } from '../db/schema/index.js';
import { addMember, createOrg, type MemberRow, type OrgRow } from './factories.js';

/*
 * Programmes, cohorts and enrolments made by direct inserts (the authoring API is another slice's), and a small
 * web server on 127.0.0.1 that serves the feeds blog-feed tests read.
 */

export const THING_TITLES = ['Start a blog', 'Image search', 'Podcasts', 'Online maps', 'Sharing photos'];

/** A published programme with one week of five things, tagged `tag`, in the organisation. */
export async function createProgramme(db: Database, org: OrgRow, tag = '#learning-out-loud') {
  const programmeId = randomUUID();
  const [row] = await db
    .insert(programme)
    .values({
      id: programmeId,
      organizationId: org.id,
      title: `Programme ${programmeId.slice(0, 6)}`,
      status: 'published',
      tag,
    })
    .returning();
  const weekId = randomUUID();
  await db.insert(programmeWeek).values({ id: weekId, programmeId, position: 0, title: 'Week 1' });
  const things = await db
    .insert(programmeThing)
    .values(THING_TITLES.map((title, i) => ({ id: randomUUID(), programmeId, weekId, position: i, title })))
    .returning();
  things.sort((a, b) => a.position - b.position);
  const [cohort] = await db
    .insert(programmeCohort)
    .values({ id: randomUUID(), programmeId, name: 'Spring', startsOn: '2026-11-02' })
    .returning();
  if (!row || !cohort) throw new Error('programme not made');
  return { programme: row, things, cohort };
}

/** An active enrolment of `member` in the programme's cohort. */
export async function enrol(db: Database, programmeId: string, member: MemberRow, cohortId: string | null) {
  const [row] = await db
    .insert(programmeEnrolment)
    .values({
      id: randomUUID(),
      programmeId,
      organizationId: member.organizationId,
      memberId: member.id,
      userId: member.userId,
      cohortId,
      startedOn: '2026-11-02',
    })
    .returning();
  if (!row) throw new Error('enrolment not made');
  return row;
}

/** An organisation with a programme, a participant enrolled in its cohort, another participant and an organiser. */
export async function createBlogScene(db: Database) {
  const { org, owner, ownerMember } = await createOrg(db);
  const made = await createProgramme(db, org);
  const participant = await addMember(db, org, { role: 'member' });
  const otherParticipant = await addMember(db, org, { role: 'member' });
  const enrolment = await enrol(db, made.programme.id, participant, made.cohort.id);
  const otherEnrolment = await enrol(db, made.programme.id, otherParticipant, made.cohort.id);
  return { org, owner, ownerMember, ...made, participant, otherParticipant, enrolment, otherEnrolment };
}

export interface Served {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
}

/**
 * A web server on 127.0.0.1 answering each path from `routes` (a function, so a test can change an answer
 * between reads). Records every request it gets. Closed after the file's tests.
 */
export async function serveFeeds(routes: Map<string, (req: http.IncomingMessage) => Served>) {
  const requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const answer = routes.get(req.url ?? '')?.(req) ?? { status: 404, body: 'not here' };
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/rss+xml', ...answer.headers });
      res.end(answer.body ?? '');
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, requests };
}

/** An RSS 2.0 document with the given items. */
export function rss(
  items: { guid?: string; link?: string; title: string; text?: string; categories?: string[]; date?: string }[],
) {
  const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const entries = items
    .map(
      (i) => `<item>
  <title>${xmlText(i.title)}</title>
  ${i.link ? `<link>${xmlText(i.link)}</link>` : ''}
  ${i.guid ? `<guid isPermaLink="false">${xmlText(i.guid)}</guid>` : ''}
  ${(i.categories ?? []).map((c) => `<category>${xmlText(c)}</category>`).join('')}
  <description>${xmlText(i.text ?? '')}</description>
  <pubDate>${i.date ?? 'Mon, 02 Nov 2026 10:00:00 GMT'}</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sam's learning blog</title><link>https://sam.example/</link><description>x</description>
${entries}
</channel></rss>`;
}
