import { describe, expect, it } from 'vitest';
import { castCalls, createCast } from '../../test/actors.js';
import type { Json } from '../../test/app.js';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp();

const ward = {
  outcome: 'teach the new wound-care protocol at a ward huddle',
  vague: 'learn about wound care',
  specific: 'dress complex wounds on my own, signed off by the ward sister',
};

describe('the SMART check’s examples, adapted with the guide', () => {
  it('are the built-in ones until L&D adapts them; learners then get the organisation’s', async () => {
    const c = await createCast(t);
    const { call } = castCalls(t, c);
    const url = `/api/guides/${c.org.id}`;
    const builtIn = (await call('self', 'GET', url)).body as Json;
    expect(builtIn.goalExamples.vague).toBe('learn about giving feedback');

    const saved = await call('admin', 'PUT', url, { parts: builtIn.parts, goalExamples: ward, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.goalExamples).toEqual(ward);
    expect(saved.body.parts[1]).not.toHaveProperty('examples');
    expect((await call('self', 'GET', url)).body.goalExamples).toEqual(ward);

    // Saving the prompts alone keeps the examples; a member cannot change them.
    const prompts = await call('owner', 'PUT', url, { parts: builtIn.parts, version: 1 });
    expect(prompts.body.goalExamples).toEqual(ward);
    const member = await call('self', 'PUT', url, {
      parts: builtIn.parts,
      goalExamples: builtIn.goalExamples,
      version: 2,
    });
    expect(member.status).toBe(403);
    expect((await call('outsider', 'GET', url)).status).toBe(404);

    const reset = await call('owner', 'DELETE', url);
    expect(reset.body.goalExamples).toEqual(builtIn.goalExamples);
  });

  it('names the example that is missing and changes nothing', async () => {
    const c = await createCast(t);
    const { call } = castCalls(t, c);
    const url = `/api/guides/${c.org.id}`;
    const builtIn = (await call('admin', 'GET', url)).body as Json;
    const bad = await call('admin', 'PUT', url, {
      parts: builtIn.parts,
      goalExamples: { ...ward, specific: ' ' },
      version: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['goalExamples.specific']);
    expect((await call('self', 'GET', url)).body).toMatchObject({ adapted: false, goalExamples: builtIn.goalExamples });
  });
});
