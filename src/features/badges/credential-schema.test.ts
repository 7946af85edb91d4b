import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { awardedToSelf } from '../../test/badge-verifier.js';

/*
 * Every credential Waymark issues validates against 1EdTech's official Open Badges 3.0 JSON Schema
 * (src/test/fixtures/open-badges: where it came from, its commit and licence). The schema is draft 2019-09.
 */

const schema = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/open-badges/ob_v3p0_achievementcredential_schema.json', import.meta.url),
    'utf8',
  ),
);
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const problemsOf = (credential: unknown) =>
  validate(credential) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

const t = await createTestApp();

async function issued(achievement: Json) {
  const c = await createCast(t);
  const admin = c.as('admin') as Record<string, string>;
  await t.callOk('PUT', `/api/orgs/${c.org.id}/badges/issuer`, admin, {
    name: 'Acme Academy',
    url: 'https://academy.example.com',
    imageUrl: 'https://academy.example.com/logo.png',
    colour: '#1f5f8b',
    version: 1,
  });
  return (await awardedToSelf(t, c, achievement)).credential as Json;
}

describe('the official Open Badges 3.0 JSON Schema', () => {
  it('is the AchievementCredential schema of draft 2019-09', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2019-09/schema#');
    expect(schema.required).toEqual(['@context', 'id', 'type', 'credentialSubject', 'issuer', 'validFrom']);
  });

  it.each([
    ['the simplest achievement', { name: 'Data storyteller' }],
    ['one with tags, an expiry and an issuer with address and logo', { name: 'Mentor', tags: ['x'], expiryDays: 30 }],
  ])('accepts a credential issued for %s', async (_what, achievement) => {
    const credential = await issued(achievement);
    expect(problemsOf(credential)).toEqual([]);
  });

  it('refuses what the specification forbids, so the test can fail', async () => {
    const credential = await issued({ name: 'Data storyteller' });
    const { validFrom: _, ...undated } = credential;
    expect(problemsOf(undated)).toContain("/ must have required property 'validFrom'");
    const unnamedIdentity = structuredClone(credential);
    unnamedIdentity.credentialSubject.identifier[0].identityType = 'nickname';
    expect(problemsOf(unnamedIdentity).join('\n')).toContain('/credentialSubject/identifier/0/identityType');
  });
});
