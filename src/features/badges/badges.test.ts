import { randomUUID } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { badgeIssuerKey } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { independentVerifier } from '../../test/badge-verifier.js';
import { addMember } from '../../test/factories.js';
import { bundledDocumentLoader } from './credential-contexts.js';
import { awardAchievement } from './index.js';
import { warmSigners } from './signing-pool.js';
import { verifyBadgeCredential } from './verify-credential.js';

const t = await createTestApp();
await warmSigners(); // a signing thread ready before the first award (signing-pool.ts)

// The independent verifier: @digitalbazaar's libraries alone, resolving the issuer's DID over HTTP to the app.
const independentlyVerify = independentVerifier(t);

async function setUp(achievement: Json = {}) {
  const c = await createCast(t);
  const admin = c.as('admin') as Record<string, string>;
  const created = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
    name: 'Data storyteller',
    description: 'Tells a story with data that changes a decision.',
    criteria: 'Presented an analysis that a team acted on.',
    tags: ['data', 'communication'],
    ...achievement,
  });
  const award = async (memberIds: string[], reason = 'Quarterly review story') =>
    t.callOk('POST', `/api/achievements/${created.id}/awards`, admin, { memberIds, reason });
  const credentialOf = async (awardId: string) =>
    (await t.callOk('GET', `/api/credentials/${awardId}/download`, {})) as Json;
  const verify = async (credential: Json) =>
    (await t.callOk('POST', '/api/credentials/verify', {}, { credential })) as Json;
  return { c, admin, achievement: created, award, credentialOf, verify };
}

describe('awarding an achievement', () => {
  it('issues to each member an OpenBadgeCredential that an independent verifier accepts', async () => {
    const s = await setUp();
    const third = await addMember(t.db, s.c.org, { name: 'Third Learner' });
    const result = await s.award([s.c.members.self.id, s.c.members.otherMember.id, third.id]);
    expect(result.awards).toHaveLength(3);
    const listed = await t.callOk('GET', `/api/orgs/${s.c.org.id}/achievements`, s.admin);
    expect(listed.achievements.map((a: Json) => [a.name, a.awarded])).toEqual([['Data storyteller', 3]]);
    expect(s.achievement.image).toMatch(/^data:image\/svg\+xml;base64,/);

    const credential = await s.credentialOf(result.awards.find((a: Json) => a.recipientMemberId === third.id).id);
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toBe(`did:web:localhost%3A3000:orgs:${s.c.org.id}`);
    expect(credential.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(credential.credentialSubject.identifier[0].identityHash).toBe('Third Learner');
    expect(credential.credentialSubject.achievement.name).toBe('Data storyteller');
    expect(credential.proof).toMatchObject([{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }]);

    const independent = await independentlyVerify(credential);
    expect(independent.verified, JSON.stringify(independent.error)).toBe(true);
    const ours = await s.verify(credential);
    expect(ours.status).toBe('valid');
    expect(ours.checks.map((ch: Json) => [ch.check, ch.passed])).toEqual([
      ['format', true],
      ['issuer', true],
      ['signature', true],
      ['expiry', true],
      ['revocation', true],
    ]);
  });

  it('does not award twice what a member holds, and refuses ids that are not members', async () => {
    const s = await setUp();
    await s.award([s.c.members.self.id]);
    const again = await s.award([s.c.members.self.id, s.c.members.otherMember.id]);
    expect(again.alreadyHeld).toEqual([s.c.members.self.id]);
    expect(again.awards.map((a: Json) => a.recipientMemberId)).toEqual([s.c.members.otherMember.id]);
    const res = await t.call('POST', `/api/achievements/${s.achievement.id}/awards`, s.admin, {
      memberIds: [s.c.members.outsider.id],
      reason: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.memberIds).toContain(s.c.members.outsider.id);
  });

  it('is offered to other features as awardAchievement, for the system too (a programme completed)', async () => {
    const s = await setUp();
    const result = await t.ctx.db.transaction((db) =>
      awardAchievement(
        t.ctx,
        'system',
        { ...t.ctx, db },
        {
          achievementId: s.achievement.id,
          memberIds: [s.c.members.self.id],
          reason: 'Completed the programme',
        },
      ),
    );
    expect(result.awards).toHaveLength(1);
    const mine = await t.callOk('GET', `/api/orgs/${s.c.org.id}/my-badges`, s.c.as('self') as Record<string, string>);
    expect(mine.awards.map((a: Json) => [a.achievementName, a.reason])).toEqual([
      ['Data storyteller', 'Completed the programme'],
    ]);
    // Someone else's list does not show it.
    const theirs = await t.callOk(
      'GET',
      `/api/orgs/${s.c.org.id}/my-badges`,
      s.c.as('otherMember') as Record<string, string>,
    );
    expect(theirs.awards).toEqual([]);
  });
});

describe('a tampered credential', () => {
  const tamperings: [string, (c: Json) => void, string][] = [
    [
      'its name',
      (c) => {
        c.credentialSubject.achievement.name = 'Data wizard';
      },
      'credentialSubject.achievement.name',
    ],
    [
      'its date',
      (c) => {
        c.validFrom = '2020-01-01T00:00:00Z';
      },
      'validFrom',
    ],
    [
      'its subject',
      (c) => {
        c.credentialSubject.identifier[0].identityHash = 'Someone Else';
      },
      'credentialSubject.identifier[0].identityHash',
    ],
  ];
  it.each(tamperings)('with %s changed is invalid, naming what changed', async (_what, tamper, path) => {
    const s = await setUp();
    const { awards } = await s.award([s.c.members.self.id]);
    const credential = await s.credentialOf(awards[0].id);
    tamper(credential);
    expect((await independentlyVerify(credential)).verified).toBe(false);
    const ours = await s.verify(credential);
    expect(ours.status).toBe('invalid');
    const signature = ours.checks.find((ch: Json) => ch.check === 'signature');
    expect(signature.passed).toBe(false);
    expect(signature.message).toContain('The signature is not valid');
    expect(signature.message).toContain(`Changed since it was issued: ${path}.`);
  });

  it('signed with a key the issuer does not hold is invalid', async () => {
    const s = await setUp();
    const { awards } = await s.award([s.c.members.self.id]);
    const {
      proof: [proof],
      ...unsigned
    } = await s.credentialOf(awards[0].id);
    // Another key claiming to be the issuer's: the signature cannot match the published key.
    const impostor = await Ed25519Multikey.generate({ id: proof.verificationMethod, controller: unsigned.issuer.id });
    const forged = await vc.issue({
      credential: structuredClone(unsigned),
      suite: new DataIntegrityProof({ signer: impostor.signer(), cryptosuite }),
      documentLoader: bundledDocumentLoader(),
    });
    expect((await independentlyVerify(forged)).verified).toBe(false);
    const ours = await s.verify(forged);
    expect(ours.status).toBe('invalid');
    expect(ours.checks.find((ch: Json) => ch.check === 'signature').passed).toBe(false);
    // And a key the issuer never published at all.
    const stranger = await Ed25519Multikey.generate({
      id: `${unsigned.issuer.id}#key-99`,
      controller: unsigned.issuer.id,
    });
    const unknownKey = await vc.issue({
      credential: structuredClone(unsigned),
      suite: new DataIntegrityProof({ signer: stranger.signer(), cryptosuite }),
      documentLoader: bundledDocumentLoader(),
    });
    const answer = await s.verify(unknownKey);
    expect(answer.status).toBe('invalid');
    expect(answer.checks.find((ch: Json) => ch.check === 'signature').message).toContain(
      'the key that signed it is not one its issuer publishes',
    );
  });

  it('from an issuer this Waymark does not know is invalid, and nothing is fetched', async () => {
    const s = await setUp();
    const { awards } = await s.award([s.c.members.self.id]);
    const credential = await s.credentialOf(awards[0].id);
    credential.issuer.id = 'did:web:badges.example.com';
    const ours = await s.verify(credential);
    expect(ours.status).toBe('invalid');
    expect(ours.checks.at(-1)).toEqual({
      check: 'issuer',
      passed: false,
      message: 'Its issuer (did:web:badges.example.com) is not an issuer this Waymark can resolve.',
    });
  });
});

describe('expiry and revocation', () => {
  it('an achievement that expires after 30 days gives credentials that answer "expired" after', async () => {
    const s = await setUp({ expiryDays: 30 });
    const { awards } = await s.award([s.c.members.self.id]);
    const credential = await s.credentialOf(awards[0].id);
    expect(Date.parse(credential.validUntil) - Date.parse(credential.validFrom)).toBe(30 * 24 * 3600 * 1000);
    const later = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    const independent = await independentlyVerify(credential, later);
    expect(independent.verified).toBe(false);
    expect(String((independent.error as Error).message ?? independent.error)).toContain('validUntil');
    const ours = await verifyBadgeCredential(t.ctx, credential, later);
    expect(ours.status).toBe('expired');
    expect(ours.checks.find((ch) => ch.check === 'signature')?.passed).toBe(true);
    expect(ours.checks.find((ch) => ch.check === 'expiry')?.message).toBe(`It expired ${credential.validUntil}.`);
    expect((await s.verify(credential)).status).toBe('valid');
  });

  it('an admin revokes a badge with a reason; the status list says so to any verifier', async () => {
    const s = await setUp();
    const { awards } = await s.award([s.c.members.self.id, s.c.members.otherMember.id]);
    const [revoked, kept] = awards;
    const res = await t.callOk('POST', `/api/badge-awards/${revoked.id}/revoke`, s.admin, {
      reason: 'Awarded in error',
    });
    expect(res).toMatchObject({ revokedReason: 'Awarded in error', revokedAt: expect.any(String) });

    const credential = await s.credentialOf(revoked.id);
    // The library verifies the proof and the status list's own proof; the bit it read says "revoked".
    const independent = await independentlyVerify(credential);
    expect((independent.statusResult as { results: { status: boolean }[] }).results[0]?.status).toBe(true);
    const ours = await s.verify(credential);
    expect(ours.status).toBe('revoked');
    expect(ours.checks.at(-1)).toEqual({ check: 'revocation', passed: false, message: 'Its issuer has revoked it.' });
    // The public page says so too; the other credential is untouched.
    expect((await t.callOk('GET', `/api/credentials/${revoked.id}`, {})).verification.status).toBe('revoked');
    expect((await t.callOk('GET', `/api/credentials/${kept.id}`, {})).verification.status).toBe('valid');
    const keptResult = await independentlyVerify(await s.credentialOf(kept.id));
    expect(keptResult.verified).toBe(true);
    expect((keptResult.statusResult as { results: { status: boolean }[] }).results[0]?.status).toBe(false);

    const list = await t.callOk('GET', `/api/badges/status-lists/${s.c.org.id}`, {});
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.credentialSubject.statusPurpose).toBe('revocation');
  });
});

describe('the issuer and its keys', () => {
  it('keeps the secret key encrypted at rest, and a rotation leaves old credentials valid', async () => {
    const s = await setUp();
    const before = (await s.award([s.c.members.self.id])).awards[0];
    const [stored] = await t.db.select().from(badgeIssuerKey).where(eq(badgeIssuerKey.organizationId, s.c.org.id));
    expect(stored?.secretKeyEncrypted).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored?.secretKeyEncrypted).not.toContain(stored?.publicKeyMultibase.slice(1, 12));

    const issuer = await t.callOk('POST', `/api/orgs/${s.c.org.id}/badges/issuer/rotate-key`, s.admin);
    expect(issuer.keys.map((k: Json) => [k.id.split('#')[1], k.active])).toEqual([
      ['key-1', false],
      ['key-2', true],
    ]);
    const after = (await s.award([s.c.members.otherMember.id])).awards[0];
    const oldCredential = await s.credentialOf(before.id);
    const newCredential = await s.credentialOf(after.id);
    expect(oldCredential.proof[0].verificationMethod).toMatch(/#key-1$/);
    expect(newCredential.proof[0].verificationMethod).toMatch(/#key-2$/);
    for (const credential of [oldCredential, newCredential]) {
      expect((await independentlyVerify(credential)).verified).toBe(true);
      expect((await s.verify(credential)).status).toBe('valid');
    }
    const did = await t.callOk('GET', `/orgs/${s.c.org.id}/did.json`, {});
    expect(did.assertionMethod).toHaveLength(2);
  });

  it('names itself as the admins say, on credentials issued after', async () => {
    const s = await setUp();
    const issuer = await t.callOk('GET', `/api/orgs/${s.c.org.id}/badges/issuer`, s.admin);
    const changed = await t.callOk('PUT', `/api/orgs/${s.c.org.id}/badges/issuer`, s.admin, {
      name: 'Acme Academy',
      url: 'https://academy.example.com',
      imageUrl: null,
      colour: '#8b1f5f',
      version: issuer.version,
    });
    expect(changed.name).toBe('Acme Academy');
    const stale = await t.call('PUT', `/api/orgs/${s.c.org.id}/badges/issuer`, s.admin, {
      name: 'Stale',
      url: null,
      imageUrl: null,
      colour: '#000000',
      version: issuer.version,
    });
    expect(stale.status).toBe(409);
    const { awards } = await s.award([s.c.members.self.id]);
    const credential = await s.credentialOf(awards[0].id);
    expect(credential.issuer).toMatchObject({ name: 'Acme Academy', url: 'https://academy.example.com' });
  });
});

describe('achievements', () => {
  const svg = (body: string) =>
    `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`).toString('base64')}`;
  const png = `data:image/png;base64,${Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.alloc(17),
  ]).toString('base64')}`;

  it.each([
    ['a script', svg('<script>alert(1)</script>')],
    ['an event handler', svg('<circle r="4" onclick="alert(1)"/>')],
    ['a link to another file', svg('<image href="https://tracker.example.com/a.png"/>')],
  ])('refuses an SVG with %s, naming the image', async (_what, image) => {
    const c = await createCast(t);
    const res = await t.call('POST', `/api/orgs/${c.org.id}/achievements`, c.as('admin') as Record<string, string>, {
      name: 'Risky',
      description: 'd',
      criteria: 'c',
      image,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.image).toMatch(/scripts, event handlers or links/);
  });

  it('takes a plain SVG and a PNG, and refuses a file that only claims to be a PNG', async () => {
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    const base = { description: 'd', criteria: 'c' };
    const plain = svg('<circle r="4" fill="#123456"/>');
    expect(
      (await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, { ...base, name: 'Plain', image: plain }))
        .image,
    ).toBe(plain);
    expect(
      (await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, { ...base, name: 'Png', image: png })).image,
    ).toBe(png);
    const fake = `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`;
    const res = await t.call('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      ...base,
      name: 'Fake',
      image: fake,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.image).toBe('That file is not a PNG image.');
  });

  it('are unique by name, edited with a version, and another organisation’s answer 404', async () => {
    const s = await setUp();
    const dup = await t.call('POST', `/api/orgs/${s.c.org.id}/achievements`, s.admin, {
      name: 'data STORYTELLER',
      description: 'd',
      criteria: 'c',
    });
    expect(dup.status).toBe(409);
    const edit = {
      name: 'Data storyteller',
      description: 'New',
      criteria: 'c',
      image: null,
      tags: [],
      expiryDays: null,
    };
    const edited = await t.callOk('PUT', `/api/achievements/${s.achievement.id}`, s.admin, { ...edit, version: 1 });
    expect(edited).toMatchObject({ description: 'New', version: 2 });
    const stale = await t.call('PUT', `/api/achievements/${s.achievement.id}`, s.admin, { ...edit, version: 1 });
    expect(stale.status).toBe(409);
    const outsider = s.c.as('outsider') as Record<string, string>;
    const theirs = await t.call('GET', `/api/achievements/${s.achievement.id}`, outsider);
    const missing = await t.call('GET', `/api/achievements/${randomUUID()}`, outsider);
    expect(theirs).toEqual(missing);
    const member = await t.call(
      'GET',
      `/api/achievements/${s.achievement.id}`,
      s.c.as('self') as Record<string, string>,
    );
    expect(member.status).toBe(403);
  });
});
