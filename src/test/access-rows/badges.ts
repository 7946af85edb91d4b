import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { adminsOnly, everyone, orgScoped, type Row } from '../matrix-kit.js';

/** An achievement defined by the cast's L&D admin. */
async function achievementOf(c: Cast, t: TestApp) {
  return t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, c.as('admin') as Record<string, string>, {
    name: `Data storyteller ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Tells a story with data.',
    criteria: 'Presented an analysis a team acted on.',
  });
}

/** A badge awarded to `self` by the admin. */
async function awardToSelf(c: Cast, t: TestApp) {
  const achievement = await achievementOf(c, t);
  const { awards } = await t.callOk(
    'POST',
    `/api/achievements/${achievement.id}/awards`,
    c.as('admin') as Record<string, string>,
    { memberIds: [c.members.self.id], reason: 'A story that changed a decision' },
  );
  return awards[0].id as string;
}

const issuer = { name: 'Acme Academy', url: null, imageUrl: null, colour: '#1f5f8b', version: 1 };
const achievementBody = { name: 'Mentor', description: 'Mentors others.', criteria: 'Mentored two colleagues.' };

/**
 * Badges: L&D admins and owners manage achievements, awards and the issuer; each member reads their own badges;
 * a credential's page, its download, verification, the status list and the DID document are public by design.
 */
export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/badges/issuer',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/badges/issuer` }),
    expect: adminsOnly(200),
  },
  {
    route: 'PUT /api/orgs/:orgId/badges/issuer',
    request: (c) => ({ method: 'PUT', url: `/api/orgs/${c.org.id}/badges/issuer`, payload: issuer }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/badges/issuer/rotate-key',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/badges/issuer/rotate-key` }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/achievements',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/achievements` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/achievements',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/achievements`, payload: achievementBody }),
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/achievements/:achievementId',
    request: async (c, t) => ({ method: 'GET', url: `/api/achievements/${(await achievementOf(c, t)).id}` }),
    expect: adminsOnly(200),
  },
  {
    route: 'PUT /api/achievements/:achievementId',
    request: async (c, t) => {
      const a = await achievementOf(c, t);
      return {
        method: 'PUT',
        url: `/api/achievements/${a.id}`,
        payload: { ...achievementBody, name: a.name, image: null, tags: [], expiryDays: null, version: a.version },
      };
    },
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/achievements/:achievementId/awards',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/achievements/${(await achievementOf(c, t)).id}/awards`,
      payload: { memberIds: [c.members.self.id], reason: 'Mentored two colleagues' },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'POST /api/badge-awards/:awardId/revoke',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/badge-awards/${await awardToSelf(c, t)}/revoke`,
      payload: { reason: 'Awarded in error' },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/my-badges',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/my-badges` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/credentials/:awardId',
    request: async (c, t) => ({ method: 'GET', url: `/api/credentials/${await awardToSelf(c, t)}` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/credentials/:awardId/download',
    request: async (c, t) => ({ method: 'GET', url: `/api/credentials/${await awardToSelf(c, t)}/download` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/credentials/:awardId/badge.png',
    request: async (c, t) => ({ method: 'GET', url: `/api/credentials/${await awardToSelf(c, t)}/badge.png` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/credentials/:awardId/badge.svg',
    request: async (c, t) => ({ method: 'GET', url: `/api/credentials/${await awardToSelf(c, t)}/badge.svg` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/credentials/:awardId/credential.jwt',
    request: async (c, t) => ({ method: 'GET', url: `/api/credentials/${await awardToSelf(c, t)}/credential.jwt` }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/credentials/verify',
    request: async (c, t) => {
      const credential = await t.callOk('GET', `/api/credentials/${await awardToSelf(c, t)}/download`, {});
      return { method: 'POST', url: '/api/credentials/verify', payload: { credential } };
    },
    expect: everyone(200),
  },
  {
    route: 'GET /api/badges/status-lists/:orgId',
    request: async (c, t) => {
      await awardToSelf(c, t);
      return { method: 'GET', url: `/api/badges/status-lists/${c.org.id}` };
    },
    expect: everyone(200),
  },
  {
    route: 'GET /orgs/:orgId/did.json',
    request: async (c, t) => {
      await awardToSelf(c, t);
      return { method: 'GET', url: `/orgs/${c.org.id}/did.json` };
    },
    expect: everyone(200),
  },
];
