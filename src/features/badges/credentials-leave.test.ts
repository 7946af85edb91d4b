import { describe, expect, it } from 'vitest';
import { castCalls, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { warmSigners } from './signing-pool.js';

const t = await createTestApp();
await warmSigners(); // a signing thread ready before the first award (signing-pool.ts)

/** `self` holding two badges of the cast's organisation, the second revoked. */
async function learnerWithBadges() {
  const c = await createCast(t);
  const { call } = castCalls(t, c);
  const admin = c.as('admin') as Record<string, string>;
  const awardOne = async (name: string) => {
    const a = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      name,
      description: `${name}, described.`,
      criteria: `What earns ${name}.`,
    });
    const { awards } = await t.callOk('POST', `/api/achievements/${a.id}/awards`, admin, {
      memberIds: [c.members.self.id],
      reason: 'Well earned',
    });
    return awards[0].id as string;
  };
  const kept = await awardOne('Workshop host');
  const revoked = await awardOne('Data storyteller');
  await t.callOk('POST', `/api/badge-awards/${revoked}/revoke`, admin, { reason: 'Awarded in error' });
  const issued = async (awardId: string) => (await t.callOk('GET', `/api/credentials/${awardId}/download`, {})) as Json;
  return { c, call, kept, revoked, issued };
}

describe('credentials leave with the learner', () => {
  it('the export holds each credential as issued, with whether it was revoked, and it still verifies', async () => {
    const s = await learnerWithBadges();
    const keptCredential = await s.issued(s.kept);
    const revokedCredential = await s.issued(s.revoked);
    expect((await s.call('admin', 'DELETE', `/api/orgs/${s.c.org.id}/members/${s.c.members.self.id}`)).status).toBe(
      204,
    );
    const [archive] = (await s.call('self', 'GET', '/api/me/archives')).body.archives as Json[];
    const doc = (
      await t.app.inject({ method: 'GET', url: `/api/me/archives/${archive?.id}/download`, headers: s.c.as('self') })
    ).json();
    // Two awards in one second may come in either order.
    expect(doc.credentials).toHaveLength(2);
    expect(doc.credentials).toEqual(
      expect.arrayContaining([
        {
          credential: revokedCredential,
          revoked: true,
          revokedAt: expect.any(String),
          revokedReason: 'Awarded in error',
        },
        { credential: keptCredential, revoked: false, revokedAt: null, revokedReason: null },
      ]),
    );
    // Taken anywhere, the credential is checked against the organisation's published key and status list.
    const verify = async (credential: Json) =>
      (await t.callOk('POST', '/api/credentials/verify', {}, { credential })).status as string;
    for (const held of doc.credentials as Json[]) {
      expect(await verify(held.credential)).toBe(held.revoked ? 'revoked' : 'valid');
    }
  });

  it('the shared portfolio shows badges only on a link the learner chose to show them on', async () => {
    const s = await learnerWithBadges();
    const make = (showBadges?: boolean) =>
      t.callOk('POST', '/api/portfolio/links', s.c.as('self') as Record<string, string>, {
        organizationId: s.c.org.id,
        ...(showBadges !== undefined && { showBadges }),
      });
    const open = async (url: string) =>
      (await t.callOk('GET', `/api/portfolio/shared/${url.split('/p/')[1]}`, {})) as Json;

    const plain = await make();
    expect(plain.showBadges).toBe(false);
    expect((await open(plain.url)).badges).toBeUndefined();

    const withBadges = await make(true);
    expect(withBadges.showBadges).toBe(true);
    const shared = await open(withBadges.url);
    // The revoked one is not shown; the one that stands links to its public verification page.
    expect(shared.badges).toEqual([
      expect.objectContaining({
        id: s.kept,
        achievementName: 'Workshop host',
        verificationUrl: `${t.ctx.config.baseUrl}/credentials/${s.kept}`,
      }),
    ]);
    const links = await t.callOk(
      'GET',
      `/api/portfolio/links?orgId=${s.c.org.id}`,
      s.c.as('self') as Record<string, string>,
    );
    expect(links.links.map((l: Json) => l.showBadges).sort()).toEqual([false, true]);

    // The learner changes their mind on the first link; nobody else can.
    const byOther = await s.call('otherMember', 'PATCH', `/api/portfolio/links/${plain.id}`, { showBadges: true });
    expect(byOther.status).toBe(404);
    const changed = await s.call('self', 'PATCH', `/api/portfolio/links/${plain.id}`, { showBadges: true });
    expect(changed.body.showBadges).toBe(true);
    expect((await open(plain.url)).badges).toHaveLength(1);
  });
});
