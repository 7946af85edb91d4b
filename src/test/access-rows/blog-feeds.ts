import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { programmeBlogFeed, programmeFeedItem } from '../../db/schema/index.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { createProgramme, enrol, rss } from '../blog-feed-fixture.js';
import { everyone, type Row } from '../matrix-kit.js';

/*
 * The blog feeds' routes in the access matrix. The enrolment is `self`'s (the participant): the organisation's
 * L&D admins and owner are its organisers (they may read its blog's status, not change it); everyone else in the
 * organisation, and outsiders, get 404 as if it did not exist.
 */

/** Only the participant may do it; organisers are told no; everyone else finds nothing. */
const participantOnly = (ok: number) => ({ ...everyone(404), anonymous: 401, self: ok, admin: 403, owner: 403 });
/** The participant and organisers may read it. */
const participantAndOrganisers = (ok: number) => ({ ...everyone(404), anonymous: 401, self: ok, admin: ok, owner: ok });

let feedServer: Promise<string> | undefined;
/** A feed on 127.0.0.1 for the rows that register one (started once, never keeping the process alive). */
function feedAddress(): Promise<string> {
  feedServer ??= new Promise((resolve) => {
    const body = rss([
      { guid: 'a', link: 'https://self.example/a', title: 'Thing 1', categories: ['learning-out-loud'] },
    ]);
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`));
    server.unref();
  });
  return feedServer;
}

/** `self` enrolled in a programme of the cast's organisation, with a registered blog and one post found on it. */
async function enrolmentOfSelf(c: Cast, t: TestApp) {
  const { programme, things, cohort } = await createProgramme(t.db, c.org);
  const enrolment = await enrol(t.db, programme.id, c.members.self, cohort.id);
  await t.db.insert(programmeBlogFeed).values({ enrolmentId: enrolment.id, feedUrl: await feedAddress() });
  const itemId = randomUUID();
  await t.db.insert(programmeFeedItem).values({ id: itemId, enrolmentId: enrolment.id, guid: 'g', title: 'Post' });
  return { url: `/api/enrolments/${enrolment.id}/blog`, itemId, thingId: things[0]?.id as string };
}

export const rows: Row[] = [
  {
    route: 'GET /api/enrolments/:enrolmentId/blog',
    request: async (c, t) => ({ method: 'GET', url: (await enrolmentOfSelf(c, t)).url }),
    expect: participantAndOrganisers(200),
  },
  {
    route: 'PUT /api/enrolments/:enrolmentId/blog',
    request: async (c, t) => ({
      method: 'PUT',
      url: (await enrolmentOfSelf(c, t)).url,
      payload: { feedUrl: await feedAddress() },
    }),
    expect: participantOnly(200),
  },
  {
    route: 'DELETE /api/enrolments/:enrolmentId/blog',
    request: async (c, t) => ({ method: 'DELETE', url: (await enrolmentOfSelf(c, t)).url }),
    expect: participantOnly(204),
  },
  {
    route: 'POST /api/enrolments/:enrolmentId/blog/items/:itemId/accept',
    request: async (c, t) => {
      const e = await enrolmentOfSelf(c, t);
      return { method: 'POST', url: `${e.url}/items/${e.itemId}/accept`, payload: { thingId: e.thingId } };
    },
    expect: participantOnly(200),
  },
];
