import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/schema/index.js';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember, createOrg, DEFAULT_PASSWORD } from '../../test/factories.js';
import { learnerWith } from '../../test/insights-fixture.js';
import { eraseExpiredEvents } from './audit.repository.js';

const t = await createTestApp();

/** An organisation with its owner, an L&D admin and two members, each with a session. */
async function organisation() {
  const { org, owner, ownerMember } = await createOrg(t.db);
  const admin = await addMember(t.db, org, { role: 'admin', name: 'Ada Admin' });
  const learner = await addMember(t.db, org, { name: 'Lee Learner' });
  const boss = await addMember(t.db, org, { name: 'Bo Boss' });
  const cookie = async (userId: string) => ({ cookie: await t.sessionFor(userId) });
  return {
    org,
    owner,
    ownerMember,
    admin,
    learner,
    boss,
    as: {
      owner: await cookie(owner.id),
      admin: await cookie(admin.user.id),
      learner: await cookie(learner.user.id),
    },
  };
}

async function auditOf(orgId: string, headers: Record<string, string>, query = '') {
  const res = await t.call('GET', `/api/orgs/${orgId}/audit${query}`, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { events: Json[]; nextCursor: string | null; retentionDays: number };
}

describe('the audit log', () => {
  it('records role and supervisor changes with who, whom, before and after, and the address', async () => {
    const o = await organisation();
    const member = `/api/orgs/${o.org.id}/members/${o.learner.id}`;
    await t.callOk('PATCH', member, { ...o.as.admin, 'x-forwarded-for': '203.0.113.9' }, { supervisorId: o.boss.id });
    await t.callOk('PATCH', member, o.as.owner, { role: 'admin' });
    // A member's own profile is not the organisation's set-up: not recorded.
    await t.callOk('PATCH', `${member}/profile`, o.as.learner, { title: 'Ward nurse' });

    const { events } = await auditOf(o.org.id, o.as.admin);
    expect(events.map((e) => e.action)).toEqual(['member.role_changed', 'member.supervisor_changed']);
    const [role, supervisor] = events as [Json, Json];
    expect(role).toMatchObject({
      summary: 'Changed a role',
      actor: { userId: o.owner.id, name: o.owner.name },
      target: { kind: 'person', id: o.learner.user.id, name: 'Lee Learner' },
      details: { from: 'member', to: 'admin' },
    });
    expect(supervisor).toMatchObject({
      actor: { name: 'Ada Admin' },
      details: { from: null, to: 'Bo Boss' },
    });
    expect(supervisor.address).toEqual(expect.any(String));
  });

  it('records password sign-ins and wrong passwords in every organisation of the person, and nothing for an unknown address', async () => {
    const o = await organisation();
    const second = await createOrg(t.db);
    await addMember(t.db, second.org, { user: o.learner.user });
    const signIn = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

    expect((await signIn(o.learner.user.email, 'not-the-password-at-all')).statusCode).toBe(400);
    expect((await signIn(o.learner.user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('nobody-here@example.test', 'whatever-it-is-123')).statusCode).toBe(400);

    const here = await auditOf(o.org.id, o.as.owner, '?person=' + o.learner.user.id);
    expect(here.events.map((e) => e.action)).toEqual(['auth.signed_in', 'auth.sign_in_failed']);
    expect(here.events[1]).toMatchObject({ actor: { userId: o.learner.user.id, email: o.learner.user.email } });
    const there = await auditOf(second.org.id, { cookie: await t.sessionFor(second.owner.id) });
    expect(there.events.map((e) => e.action)).toEqual(['auth.signed_in', 'auth.sign_in_failed']);
    const unknown = await t.db.select().from(auditEvent).where(eq(auditEvent.actorEmail, 'nobody-here@example.test'));
    expect(unknown).toEqual([]);
  });

  it('records k raised and the organisation data taken away as CSV, and never a learner’s words', async () => {
    const o = await organisation();
    await t.callOk('PATCH', `/api/orgs/${o.org.id}/insights/settings`, o.as.admin, { k: 7 });
    const plan = await t.callOk('POST', '/api/plans', o.as.learner, { organizationId: o.org.id, cycle: '2027' });
    await t.callOk('POST', `/api/plans/${plan.id}/goals`, o.as.learner, { what: 'A secret goal about my manager' });
    await t.callOk('POST', '/api/log', o.as.learner, { organizationId: o.org.id, what: 'Private thoughts on pay' });
    for (let i = 0; i < 7; i++) await learnerWith(t.db, o.org, { topics: ['Facilitation'], forms: ['coaching'] });
    const figure = await t.app.inject({ url: `/api/orgs/${o.org.id}/insights/csv?figure=forms`, headers: o.as.admin });
    expect(figure.statusCode, figure.body).toBe(200);

    const { events } = await auditOf(o.org.id, o.as.owner);
    expect(events.map((e) => e.action)).toEqual(['export.insights_csv', 'insights.k_raised']);
    expect(events[1]?.details).toEqual({ from: 5, to: 7 });
    expect(events[0]?.details).toMatchObject({ figure: 'forms' });
    const everything = JSON.stringify(
      await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, o.org.id)),
    );
    expect(everything).not.toMatch(/secret goal|Private thoughts/);

    const csv = await t.app.inject({ method: 'GET', url: `/api/orgs/${o.org.id}/audit.csv`, headers: o.as.admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="waymark-audit-\d{4}-\d\d-\d\d\.csv"/);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.action)).toEqual(['export.insights_csv', 'insights.k_raised']);
    expect(rows[1]).toMatchObject({ what: 'Raised the smallest group insights show (k)', details: 'from=5; to=7' });
    // The download is itself recorded.
    expect((await auditOf(o.org.id, o.as.owner)).events[0]?.action).toBe('export.audit_csv');
  });

  it('records a removal and a member leaving', async () => {
    const o = await organisation();
    await t.callOk('DELETE', `/api/orgs/${o.org.id}/members/${o.boss.id}`, o.as.admin);
    await t.callOk('DELETE', `/api/orgs/${o.org.id}/members/${o.learner.id}`, o.as.learner);
    const { events } = await auditOf(o.org.id, o.as.owner);
    expect(events.map((e) => [e.action, e.target.name])).toEqual([
      ['member.left', 'Lee Learner'],
      ['member.removed', 'Bo Boss'],
    ]);
  });

  it('filters by kind, person and dates, pages with a cursor, and names the field of a bad query', async () => {
    const o = await organisation();
    const member = `/api/orgs/${o.org.id}/members/${o.learner.id}`;
    for (const role of ['admin', 'member', 'admin'] as const) await t.callOk('PATCH', member, o.as.owner, { role });
    await t.callOk('PATCH', `/api/orgs/${o.org.id}/members/${o.boss.id}`, o.as.owner, { supervisorId: o.admin.id });

    const roles = await auditOf(o.org.id, o.as.admin, '?action=member.role_changed');
    expect(roles.events).toHaveLength(3);
    const aboutBoss = await auditOf(o.org.id, o.as.admin, `?person=${o.boss.user.id}`);
    expect(aboutBoss.events.map((e) => e.action)).toEqual(['member.supervisor_changed']);

    const first = await auditOf(o.org.id, o.as.admin, '?limit=2');
    expect(first.events).toHaveLength(2);
    const rest = await auditOf(o.org.id, o.as.admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.events).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...first.events, ...rest.events].map((e) => e.id)).size).toBe(4);

    const today = new Date().toISOString().slice(0, 10);
    expect((await auditOf(o.org.id, o.as.admin, `?from=${today}&to=${today}`)).events).toHaveLength(4);
    expect((await auditOf(o.org.id, o.as.admin, '?to=2020-01-01')).events).toHaveLength(0);

    const bad = async (query: string) => (await t.call('GET', `/api/orgs/${o.org.id}/audit${query}`, o.as.admin)).body;
    expect((await bad('?action=member.ate')).error.fields.action).toMatch(/listed kinds/);
    expect((await bad('?from=yesterday')).error.fields.from).toMatch(/2026-12-06/);
    expect((await bad('?from=2026-12-06&to=2026-01-01')).error.fields.to).toMatch(/before the start/);
    expect((await bad('?cursor=nonsense')).error.fields.cursor).toMatch(/start again/);
  });

  it('keeps events as long as the owner says, erasing older ones per organisation', async () => {
    const o = await organisation();
    const other = await organisation();
    const settings = `/api/orgs/${o.org.id}/audit/settings`;
    expect((await t.call('PUT', settings, o.as.admin, { retentionDays: 30 })).status).toBe(403);
    expect((await t.call('PUT', settings, o.as.owner, { retentionDays: 0 })).body.error.fields.retentionDays).toMatch(
      /at least 1 day/,
    );
    expect((await t.call('PUT', settings, o.as.owner, { retentionDays: 30 })).body).toEqual({ retentionDays: 30 });

    const [changed] = (await auditOf(o.org.id, o.as.admin)).events;
    expect(changed).toMatchObject({ action: 'audit.retention_changed', details: { from_days: 365, to_days: 30 } });
    expect((await auditOf(o.org.id, o.as.admin)).retentionDays).toBe(30);

    // Forty days on, the 30-day organisation's event goes; the other's (365 days) stays.
    await t.callOk('PATCH', `/api/orgs/${other.org.id}/members/${other.learner.id}`, other.as.owner, { role: 'admin' });
    await eraseExpiredEvents(t.db, new Date(Date.now() + 40 * 86_400_000));
    expect((await auditOf(o.org.id, o.as.admin)).events).toEqual([]);
    expect((await auditOf(other.org.id, other.as.admin)).events).toHaveLength(1);
  });
});
