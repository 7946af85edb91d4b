import { starterProgramme } from '../../features/programmes/index.js';
import type { Cast } from '../actors.js';
import type { Json, TestApp } from '../app.js';
import { adminsOnly, orgScoped, type Row } from '../matrix-kit.js';
import { multipart, pngBytes } from '../multipart.js';

/*
 * Programmes, authoring: L&D admins and owners (the organisers) write them. A draft does not exist for anyone
 * else (404, as for a missing one); a published programme is there for members, who may not change it (403).
 */

/** Organisers only, on a draft: everyone else in the organisation gets 404. */
const draftOnly = (ok: number) => ({ ...orgScoped(404), admin: ok, owner: ok });

async function asAdmin(c: Cast, t: TestApp, method: string, url: string, payload?: object): Promise<Json> {
  const res = await t.call(method, url, c.as('admin') as Record<string, string>, payload);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A programme with two weeks (one thing in the first, the second empty), a cohort, draft or published. */
async function programmeOf(c: Cast, t: TestApp, status: 'draft' | 'published') {
  const p = await asAdmin(c, t, 'POST', `/api/orgs/${c.org.id}/programmes`, { title: 'Data in practice' });
  const week = p.weeks[0].id as string;
  await asAdmin(c, t, 'POST', `/api/programmes/${p.id}/things`, { weekId: week, title: 'Make a chart' });
  await asAdmin(c, t, 'POST', `/api/programmes/${p.id}/weeks`, { title: 'Breather', catchUp: true });
  const cohort = await asAdmin(c, t, 'POST', `/api/programmes/${p.id}/cohorts`, {
    name: 'Spring',
    startsOn: '2027-03-01',
  });
  const outline =
    status === 'published'
      ? await asAdmin(c, t, 'POST', `/api/programmes/${p.id}/publish`)
      : await asAdmin(c, t, 'GET', `/api/programmes/${p.id}`);
  return {
    url: `/api/programmes/${p.id}`,
    weekUrl: `/api/programme-weeks/${outline.weeks[0].id}`,
    emptyWeekUrl: `/api/programme-weeks/${outline.weeks[1].id}`,
    weekId: outline.weeks[0].id as string,
    thingUrl: `/api/programme-things/${outline.weeks[0].things[0].id}`,
    cohortUrl: `/api/programme-cohorts/${cohort.id}`,
  };
}

const draft = (c: Cast, t: TestApp) => programmeOf(c, t, 'draft');
const published = (c: Cast, t: TestApp) => programmeOf(c, t, 'published');

export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/programmes',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/programmes` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/programmes',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/programmes`, payload: { title: 'Podcasting' } }),
    expect: adminsOnly(201),
  },
  {
    route: 'POST /api/orgs/:orgId/programmes/import',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/programmes/import`, payload: starterProgramme }),
    expect: adminsOnly(201),
  },
  {
    route: 'POST /api/orgs/:orgId/programmes/starter',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/programmes/starter` }),
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/programmes/:programmeId',
    request: async (c, t) => ({ method: 'GET', url: (await draft(c, t)).url }),
    expect: draftOnly(200),
  },
  {
    route: 'PATCH /api/programmes/:programmeId',
    request: async (c, t) => ({
      method: 'PATCH',
      url: (await published(c, t)).url,
      payload: { version: 1, summary: 'Charts for everyone' },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/publish',
    request: async (c, t) => ({ method: 'POST', url: `${(await draft(c, t)).url}/publish` }),
    expect: draftOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/archive',
    request: async (c, t) => ({ method: 'POST', url: `${(await published(c, t)).url}/archive` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/copy',
    request: async (c, t) => ({ method: 'POST', url: `${(await published(c, t)).url}/copy` }),
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/programmes/:programmeId/export',
    request: async (c, t) => ({ method: 'GET', url: `${(await draft(c, t)).url}/export` }),
    expect: draftOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/weeks',
    request: async (c, t) => ({
      method: 'POST',
      url: `${(await published(c, t)).url}/weeks`,
      payload: { title: 'More' },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'PATCH /api/programme-weeks/:weekId',
    request: async (c, t) => ({ method: 'PATCH', url: (await draft(c, t)).weekUrl, payload: { title: 'Charts' } }),
    expect: draftOnly(200),
  },
  {
    route: 'DELETE /api/programme-weeks/:weekId',
    request: async (c, t) => ({ method: 'DELETE', url: (await draft(c, t)).emptyWeekUrl }),
    expect: draftOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/things',
    request: async (c, t) => {
      const p = await published(c, t);
      return { method: 'POST', url: `${p.url}/things`, payload: { weekId: p.weekId, title: 'Share a chart' } };
    },
    expect: adminsOnly(201),
  },
  {
    route: 'PATCH /api/programme-things/:thingId',
    request: async (c, t) => ({
      method: 'PATCH',
      url: (await published(c, t)).thingUrl,
      payload: { version: 1, title: 'Make a better chart' },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/programme-things/:thingId',
    request: async (c, t) => ({ method: 'DELETE', url: (await draft(c, t)).thingUrl }),
    expect: draftOnly(200),
  },
  {
    route: 'GET /api/programme-things/:thingId/revisions',
    request: async (c, t) => ({ method: 'GET', url: `${(await published(c, t)).thingUrl}/revisions` }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/programmes/:programmeId/cohorts',
    request: async (c, t) => ({ method: 'GET', url: `${(await published(c, t)).url}/cohorts` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/cohorts',
    request: async (c, t) => ({
      method: 'POST',
      url: `${(await draft(c, t)).url}/cohorts`,
      payload: { name: 'Autumn', startsOn: '2027-09-06' },
    }),
    expect: draftOnly(201),
  },
  {
    route: 'PATCH /api/programme-cohorts/:cohortId',
    request: async (c, t) => ({ method: 'PATCH', url: (await published(c, t)).cohortUrl, payload: { capacity: 12 } }),
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/programme-cohorts/:cohortId',
    request: async (c, t) => ({ method: 'DELETE', url: (await draft(c, t)).cohortUrl }),
    expect: draftOnly(204),
  },
  {
    route: 'PUT /api/programmes/:programmeId/cover',
    request: async (c, t) => {
      const body = await multipart({}, { name: 'cover.png', type: 'image/png', bytes: pngBytes() });
      return {
        method: 'PUT',
        url: `${(await published(c, t)).url}/cover`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    expect: adminsOnly(200),
  },
  {
    // Members see a published programme's cover; the cast's outsider gets 404.
    route: 'GET /api/programmes/:programmeId/cover',
    request: async (c, t) => {
      const p = await published(c, t);
      const body = await multipart({}, { name: 'cover.png', type: 'image/png', bytes: pngBytes() });
      await t.app.inject({
        method: 'PUT',
        url: `${p.url}/cover`,
        headers: { ...c.as('admin'), ...body.headers },
        payload: body.payload,
      });
      return { method: 'GET', url: `${p.url}/cover` };
    },
    expect: orgScoped(200),
  },
];
