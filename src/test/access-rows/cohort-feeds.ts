import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { createProgramme, enrol } from '../blog-feed-fixture.js';
import { everyone, type Row } from '../matrix-kit.js';

/*
 * A cohort's feed link and feeds in the access matrix. `self` and `otherMember` take part in the cohort (each
 * manages a link of their own: no route names another person's); the organisation's L&D admins and owner are its
 * organisers; the supervisor is a member who does not take part (403); outsiders find no cohort (404).
 */

const participantsAndOrganisers = (ok: number) => ({
  ...everyone(ok),
  anonymous: 401,
  supervisor: 403,
  outsider: 404,
});

/** A cohort of the cast's organisation that `self` and `otherMember` take part in. */
async function cohortOfSelf(c: Cast, t: TestApp) {
  const { programme, cohort } = await createProgramme(t.db, c.org);
  await enrol(t.db, programme.id, c.members.self, cohort.id);
  await enrol(t.db, programme.id, c.members.otherMember, cohort.id);
  return `/api/cohorts/${cohort.id}/feed-link`;
}

/** The path of `self`'s feed (`atomUrl` or `opmlUrl`) of a fresh link, made through the real route. */
async function feedOfSelf(c: Cast, t: TestApp, which: 'atomUrl' | 'opmlUrl', turnedOff = false) {
  const url = await cohortOfSelf(c, t);
  const link = await t.callOk('POST', url, c.as('self') as Record<string, string>);
  if (turnedOff) await t.callOk('DELETE', url, c.as('self') as Record<string, string>);
  return new URL(link[which] as string).pathname;
}

export const rows: Row[] = [
  {
    route: 'GET /api/cohorts/:cohortId/feed-link',
    request: async (c, t) => ({ method: 'GET', url: await cohortOfSelf(c, t) }),
    expect: participantsAndOrganisers(200),
  },
  {
    route: 'POST /api/cohorts/:cohortId/feed-link',
    request: async (c, t) => ({ method: 'POST', url: await cohortOfSelf(c, t) }),
    expect: participantsAndOrganisers(201),
  },
  {
    route: 'DELETE /api/cohorts/:cohortId/feed-link',
    request: async (c, t) => ({ method: 'DELETE', url: await cohortOfSelf(c, t) }),
    expect: participantsAndOrganisers(204),
  },
  // The token in the address is the key, not the session: feed readers fetch signed out, so a live link answers
  // 200 to every kind of actor alike, and a link turned off answers 404 to everyone, anonymous included.
  // cohort-feeds.test.ts checks the holder's rights are asked again on every fetch (left, removed, demoted).
  {
    route: 'GET /api/cohort-feeds/:token/reflections.atom',
    request: async (c, t) => ({ method: 'GET', url: await feedOfSelf(c, t, 'atomUrl') }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/cohort-feeds/:token/reflections.atom',
    request: async (c, t) => ({ method: 'GET', url: await feedOfSelf(c, t, 'atomUrl', true) }),
    expect: everyone(404),
  },
  {
    route: 'GET /api/cohort-feeds/:token/blogs.opml',
    request: async (c, t) => ({ method: 'GET', url: await feedOfSelf(c, t, 'opmlUrl') }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/cohort-feeds/:token/blogs.opml',
    request: async (c, t) => ({ method: 'GET', url: await feedOfSelf(c, t, 'opmlUrl', true) }),
    expect: everyone(404),
  },
];
