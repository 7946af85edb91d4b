import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiToken, auditEvent, membership } from '../../db/schema/index.js';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';

const t = await createTestApp({ env: { TOKEN_RATE_LIMIT: '5' } });

async function person(role: 'member' | 'admin' = 'member') {
  const { org, owner } = await createOrg(t.db);
  const member = await addMember(t.db, org, { role });
  return { org, owner, member, session: { cookie: await t.sessionFor(member.user.id) } };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function make(headers: Record<string, string>, url: string, body: object) {
  const res = await t.call('POST', url, headers, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { token: Json; secret: string };
}

describe('personal API tokens', () => {
  it('are shown once, kept as a hash, act as their maker within their scopes, and stop when revoked or expired', async () => {
    const me = await person();
    const plan = await t.callOk('POST', '/api/plans', me.session, { organizationId: me.org.id, cycle: '2027' });
    const { token, secret } = await make(me.session, '/api/me/tokens', {
      name: '  Obsidian sync ',
      scopes: ['plan:read', 'plan:read', 'log:read'],
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^wmp_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'Obsidian sync', scopes: ['plan:read', 'log:read'], lastUsedAt: null });
    expect(secret.startsWith(token.prefix)).toBe(true);
    const [stored] = await t.db.select().from(apiToken).where(eq(apiToken.id, token.id));
    expect(stored?.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await t.callOk('GET', '/api/me/tokens', me.session);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const read = await t.call('GET', `/api/plans/${plan.id}`, bearer(secret));
    expect(read.status).toBe(200);
    const write = await t.call('PATCH', `/api/plans/${plan.id}`, bearer(secret), { title: 'By token' });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('This token lacks the scope plan:write.');
    // Routes no scope opens: sign-in, settings, tokens themselves.
    expect((await t.call('GET', '/api/me/tokens', bearer(secret))).status).toBe(403);
    expect((await t.call('GET', '/api/settings', bearer(secret))).status).toBe(403);
    // Someone else's plan is missing, as for their session.
    const other = await person();
    const theirs = await t.callOk('POST', '/api/plans', other.session, { organizationId: other.org.id, cycle: '2027' });
    expect((await t.call('GET', `/api/plans/${theirs.id}`, bearer(secret))).status).toBe(404);

    const used = await t.callOk('GET', '/api/me/tokens', me.session);
    expect(used.tokens[0].lastUsedAt).toEqual(expect.any(String));

    await t.db
      .update(apiToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiToken.id, token.id));
    expect((await t.call('GET', `/api/plans/${plan.id}`, bearer(secret))).status).toBe(401);
    await t.db
      .update(apiToken)
      .set({ expiresAt: new Date(Date.now() + 86_400_000) })
      .where(eq(apiToken.id, token.id));
    expect((await t.call('GET', `/api/plans/${plan.id}`, bearer(secret))).status).toBe(200);

    expect((await t.call('DELETE', `/api/me/tokens/${token.id}`, other.session)).status).toBe(404);
    expect((await t.call('DELETE', `/api/me/tokens/${token.id}`, me.session)).status).toBe(204);
    expect((await t.call('GET', `/api/plans/${plan.id}`, bearer(secret))).status).toBe(401);
    expect((await t.call('GET', `/api/plans/${plan.id}`, bearer('wmp_not-a-token'))).status).toBe(401);
    // A token never stands in for the session beside it.
    expect((await t.call('GET', `/api/plans/${plan.id}`, { ...me.session, ...bearer(secret) })).status).toBe(401);

    const audit = await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, me.org.id));
    expect(audit.map((e) => e.action).sort()).toEqual(['token.created', 'token.revoked']);
  });

  it('name the field of bad input', async () => {
    const me = await person();
    const bad = async (body: object) => (await t.call('POST', '/api/me/tokens', me.session, body)).body.error.fields;
    expect((await bad({ name: 'x', scopes: ['members:read'], expiresInDays: 5 }))['scopes.0']).toMatch(/Choose from/);
    expect((await bad({ name: 'x', scopes: [], expiresInDays: 5 })).scopes).toMatch(/at least one/);
    expect((await bad({ name: ' ', scopes: ['me:read'], expiresInDays: 5 })).name).toMatch(/Name the token/);
    expect((await bad({ name: 'x', scopes: ['me:read'], expiresInDays: 0 })).expiresInDays).toMatch(/at least 1 day/);
    expect((await bad({ name: 'x', scopes: ['me:read'], expiresInDays: 400 })).expiresInDays).toMatch(/at most 365/);
  });

  it('have a rate limit each, shared by no other token', async () => {
    const me = await person();
    const a = await make(me.session, '/api/me/tokens', { name: 'a', scopes: ['me:read'], expiresInDays: 1 });
    const b = await make(me.session, '/api/me/tokens', { name: 'b', scopes: ['me:read'], expiresInDays: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.call('GET', '/api/me', bearer(a.secret))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await t.call('GET', '/api/me', bearer(b.secret))).status).toBe(200);
  });
});

describe("an organisation's API tokens", () => {
  it('act for their maker in that organisation alone, on organisation scopes, while the maker is an admin', async () => {
    const admin = await person('admin');
    const { secret, token } = await make(admin.session, `/api/orgs/${admin.org.id}/tokens`, {
      name: 'HR dashboard',
      scopes: ['members:read'],
      expiresInDays: 90,
    });
    expect(secret).toMatch(/^wmo_/);
    expect(token.madeBy).toBe(admin.member.user.name);
    expect((await t.call('GET', `/api/orgs/${admin.org.id}/members`, bearer(secret))).status).toBe(200);
    expect((await t.call('GET', `/api/orgs/${admin.org.id}/insights`, bearer(secret))).status).toBe(403);
    expect((await t.call('GET', '/api/plans', bearer(secret))).status).toBe(403);

    // The maker also belongs to a second organisation: the token does not reach it.
    const second = await createOrg(t.db);
    await addMember(t.db, second.org, { user: admin.member.user, role: 'admin' });
    expect((await t.call('GET', `/api/orgs/${second.org.id}/members`, admin.session)).status).toBe(200);
    expect((await t.call('GET', `/api/orgs/${second.org.id}/members`, bearer(secret))).status).toBe(404);

    // A member may not make one; another organisation's admin cannot see or revoke it.
    const plain = await person();
    const refused = await t.call('POST', `/api/orgs/${plain.org.id}/tokens`, plain.session, {
      name: 'x',
      scopes: ['members:read'],
      expiresInDays: 1,
    });
    expect(refused.status).toBe(403);
    const outsider = await person('admin');
    expect((await t.call('DELETE', `/api/orgs/${outsider.org.id}/tokens/${token.id}`, outsider.session)).status).toBe(
      404,
    );

    const owner = { cookie: await t.sessionFor(admin.owner.id) };
    const listed = await t.callOk('GET', `/api/orgs/${admin.org.id}/tokens`, owner);
    expect(listed.tokens.map((x: Json) => x.name)).toEqual(['HR dashboard']);
    expect(listed.scopes.map((s: Json) => s.code)).toEqual(['members:read', 'programmes:read', 'insights:read']);

    // Once the maker is no longer an admin, what needs an admin is refused to the token too.
    await t.db.update(membership).set({ role: 'member' }).where(eq(membership.id, admin.member.id));
    await t.ctx.changes.announce({ kind: 'memberships', userId: admin.member.user.id });
    expect((await t.call('GET', `/api/orgs/${admin.org.id}/tokens`, owner)).status).toBe(200);

    expect((await t.call('DELETE', `/api/orgs/${admin.org.id}/tokens/${token.id}`, owner)).status).toBe(204);
    expect((await t.call('GET', `/api/orgs/${admin.org.id}/members`, bearer(secret))).status).toBe(401);
    const events = await t.callOk('GET', `/api/orgs/${admin.org.id}/audit?person=${admin.member.user.id}`, owner);
    expect(events.events.map((e: Json) => e.action)).toEqual(['token.created']);
  });

  it('are declared in the OpenAPI document with the scope each route needs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/plans/{planId}'].get.security).toEqual([{ session: [] }, { token: ['plan:read'] }]);
    expect(doc.paths['/api/orgs/{orgId}/members'].get.security).toEqual([{ session: [] }, { token: ['members:read'] }]);
    expect(doc.paths['/api/me/tokens'].get.security).toBeUndefined();
  });
});
