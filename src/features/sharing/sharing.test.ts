import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planAccessLog, planGrant } from '../../db/schema/index.js';
import { castCalls, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';

const t = await createTestApp();

/** A learner (`self`) with a plan of two goals, each with a linked network entry and sharing commitment. */
async function learnerWithPlan() {
  const c = await createCast(t);
  const { call, mine } = castCalls(t, c);
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027', title: 'Growing' });
  const url = `/api/plans/${plan.id}`;
  const reflection = await mine('POST', `${url}/reflections`, { what: 'Reading club' });
  const workshop = await mine('POST', `${url}/goals`, { what: 'Run a workshop', reflectionIds: [reflection.id] });
  const secret = await mine('POST', `${url}/goals`, { what: 'Change jobs' });
  const ada = await mine('POST', `${url}/network`, { kind: 'person', name: 'Ada', goalIds: [workshop.id, secret.id] });
  await mine('POST', `${url}/network`, { kind: 'person', name: 'Recruiter', goalIds: [secret.id] });
  const talk = await mine('POST', `${url}/shares`, { goalId: workshop.id, how: 'talk', cadence: 'once' });
  await mine('POST', `${url}/shares`, { goalId: secret.id, how: 'post', cadence: 'monthly' });
  const share = (payload: object) =>
    call('self', 'POST', `${url}/grants`, { memberId: c.members.otherMember.id, ...payload });
  return { c, call, url, planId: plan.id as string, ids: { reflection, workshop, secret, ada, talk }, share };
}

describe('granular sharing', () => {
  it('shares one goal: the colleague sees that goal with its network and sharing, nothing else', async () => {
    const { call, planId, ids, share } = await learnerWithPlan();
    const created = await share({ scope: 'goal', goalId: ids.workshop.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scope: 'goal',
      goal: { id: ids.workshop.id, what: 'Run a workshop' },
      access: 'read',
      state: 'active',
      revokedAt: null,
    });

    const seen = await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop']);
    // The goal's link to a reflection that was not shared is dropped, so not even its id shows.
    expect(seen.body.goals[0].reflectionIds).toEqual([]);
    expect(seen.body.reflections).toEqual([]);
    expect(seen.body.network.map((n: Json) => [n.name, n.goalIds])).toEqual([['Ada', [ids.workshop.id]]]);
    expect(seen.body.shares.map((s: Json) => s.how)).toEqual(['talk']);
    expect(seen.body).toMatchObject({ title: 'Growing', cycle: '2027', access: 'read' });
    expect(seen.body.covers).toEqual({ plan: false, parts: [], goalIds: [ids.workshop.id] });
    expect(JSON.stringify(seen.body)).not.toContain('Change jobs');
    expect(JSON.stringify(seen.body)).not.toContain('Recruiter');
  });

  it('shares one part, or the whole plan, to read or to comment', async () => {
    const { call, planId, share } = await learnerWithPlan();
    expect((await share({ scope: 'part', part: 'reflections' })).status).toBe(201);
    const part = await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    expect(part.body.reflections.map((r: Json) => r.what)).toEqual(['Reading club']);
    expect([part.body.goals, part.body.network, part.body.shares]).toEqual([[], [], []]);

    expect((await share({ scope: 'plan', access: 'comment' })).status).toBe(201);
    const whole = await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    expect(whole.body.access).toBe('comment');
    expect(whole.body.goals.map((g: Json) => g.what)).toEqual(['Run a workshop', 'Change jobs']);
    expect(whole.body.network).toHaveLength(2);
    expect(whole.body.shares).toHaveLength(2);
  });

  it('revoked and expired shares answer 404 at once, like a plan that does not exist', async () => {
    const { c, call, url, planId, ids, share } = await learnerWithPlan();
    const grant = (await share({ scope: 'goal', goalId: ids.workshop.id })).body;
    expect((await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).status).toBe(200);

    const revoked = await call('self', 'DELETE', `${url}/grants/${grant.id}`);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    const after = await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    expect(after.status).toBe(404);
    const missing = await call('otherMember', 'GET', '/api/shared/plans/no-such-plan');
    expect(after.body).toEqual(missing.body);

    const again = (await share({ scope: 'plan' })).body;
    await t.db
      .update(planGrant)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(planGrant.id, again.id));
    expect((await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).status).toBe(404);
    const list = (await call('self', 'GET', `${url}/grants`)).body.grants;
    expect(list.map((g: Json) => g.state)).toEqual(['expired', 'revoked']);
    expect((await call('otherMember', 'GET', `/api/shared-with-me?orgId=${c.org.id}`)).body.items).toEqual([]);
  });

  it('the same share clicked six times at once makes one share, and revoking it ends access', async () => {
    const { call, url, planId, share } = await learnerWithPlan();
    const answers = await Promise.all(Array.from({ length: 6 }, () => share({ scope: 'plan' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const made = answers.find((a) => a.status === 201)?.body as Json;
    // Every duplicate names the share that exists.
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error.current.id).toBe(made.id);
    const list = (await call('self', 'GET', `${url}/grants`)).body.grants;
    expect(list.filter((g: Json) => g.state === 'active').map((g: Json) => g.id)).toEqual([made.id]);

    await call('self', 'DELETE', `${url}/grants/${made.id}`);
    expect((await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).status).toBe(404);
  });

  it('an expired share stays expired when the same is shared again', async () => {
    const { call, url, share } = await learnerWithPlan();
    const first = (await share({ scope: 'plan' })).body;
    await t.db
      .update(planGrant)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(planGrant.id, first.id));
    const second = await share({ scope: 'plan' });
    expect(second.status).toBe(201);
    const list = (await call('self', 'GET', `${url}/grants`)).body.grants;
    expect(list.map((g: Json) => [g.id, g.state])).toEqual([
      [second.body.id, 'active'],
      [first.id, 'expired'],
    ]);
  });

  it('the org owner, an admin and the supervisor see nothing without a share; their own share shows only to them', async () => {
    const { c, call, url, planId } = await learnerWithPlan();
    for (const kind of ['owner', 'admin', 'supervisor', 'otherMember', 'self'] as const) {
      expect((await call(kind, 'GET', `/api/shared/plans/${planId}`)).status, kind).toBe(404);
      expect((await call(kind, 'GET', `/api/shared-with-me?orgId=${c.org.id}`)).body.items, kind).toEqual([]);
    }
    await call('self', 'POST', `${url}/grants`, { memberId: c.members.supervisor.id, scope: 'part', part: 'goals' });
    expect((await call('supervisor', 'GET', `/api/shared/plans/${planId}`)).status).toBe(200);
    for (const kind of ['owner', 'admin', 'otherMember'] as const) {
      expect((await call(kind, 'GET', `/api/shared/plans/${planId}`)).status, kind).toBe(404);
    }
    const mine = (await call('supervisor', 'GET', `/api/shared-with-me?orgId=${c.org.id}`)).body.items;
    expect(mine).toEqual([
      expect.objectContaining({
        planId,
        title: 'Growing',
        cycle: '2027',
        scope: 'part',
        part: 'goals',
        access: 'read',
      }),
    ]);
    expect(mine[0].owner.name).toBe(c.people.self.name);
  });

  it('a share of a goal since deleted shows nothing and is no longer offered', async () => {
    const { c, call, url, planId, ids, share } = await learnerWithPlan();
    await share({ scope: 'goal', goalId: ids.secret.id });
    expect((await call('self', 'DELETE', `${url}/goals/${ids.secret.id}`)).status).toBe(204);
    const seen = (await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).body;
    expect([seen.goals, seen.network, seen.shares]).toEqual([[], [], []]);
    expect((await call('otherMember', 'GET', `/api/shared-with-me?orgId=${c.org.id}`)).body.items).toEqual([]);
    expect((await call('self', 'GET', `${url}/grants`)).body.grants[0].goal.what).toBe('(a goal since deleted)');
  });

  it('refuses a member of another organisation, the learner, and unclear requests, naming the fields', async () => {
    const { c, share, ids } = await learnerWithPlan();
    const outsider = await share({ scope: 'plan', memberId: c.members.outsider.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields.memberId).toMatch(/member of this organisation/);
    expect((await share({ scope: 'plan', memberId: c.members.self.id })).body.error.fields.memberId).toMatch(
      /your own plan/,
    );
    expect((await share({ scope: 'part' })).body.error.fields.part).toMatch(/Choose the part/);
    expect((await share({ scope: 'part', part: 'secrets' })).body.error.fields.part).toBeTruthy();
    expect((await share({ scope: 'goal' })).body.error.fields.goalId).toMatch(/Choose the goal/);
    expect((await share({ scope: 'goal', goalId: 'elsewhere' })).body.error.fields.goalId).toMatch(/this plan/);
    expect((await share({ scope: 'plan', access: 'edit' })).body.error.fields.access).toBeTruthy();
    const past = await share({ scope: 'plan', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.body.error.fields.expiresAt).toMatch(/future/);
    expect((await share({ scope: 'goal', goalId: ids.workshop.id })).status).toBe(201);
    expect((await share({ scope: 'goal', goalId: ids.workshop.id })).status).toBe(409);
    const rows = await t.db.select().from(planGrant).where(eq(planGrant.granteeMemberId, c.members.outsider.id));
    expect(rows).toEqual([]);
  });

  it('logs every read by the grantee (not by the owner), newest first, paged', async () => {
    const { c, call, url, planId, ids, share } = await learnerWithPlan();
    await share({ scope: 'goal', goalId: ids.workshop.id });
    await call('self', 'GET', url);
    await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    await share({ scope: 'part', part: 'network' });
    await call('otherMember', 'GET', `/api/shared/plans/${planId}`);
    await call('otherMember', 'GET', `/api/shared/plans/${planId}`);

    const rows = await t.db.select().from(planAccessLog).where(eq(planAccessLog.planId, planId));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.viewerUserId === c.people.otherMember.id)).toBe(true);

    const first = await call('self', 'GET', `${url}/access-log?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.entries[0]).toMatchObject({
      viewer: { name: c.people.otherMember.name },
      what: `part:network,goal:${ids.workshop.id}`,
      label: 'Network, Goal: Run a workshop',
    });
    const rest = await call('self', 'GET', `${url}/access-log?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.entries.map((e: Json) => e.label)).toEqual(['Goal: Run a workshop']);
    expect(rest.body.nextCursor).toBeNull();
    const times = [...first.body.entries, ...rest.body.entries].map((e: Json) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    expect((await call('otherMember', 'GET', `${url}/access-log`)).status).toBe(404);
    expect((await call('self', 'GET', `${url}/access-log?cursor=nonsense`)).body.error.fields.cursor).toBeTruthy();

    // Reads within one millisecond (PostgreSQL keeps microseconds, a JS Date does not) page without a gap.
    for (const [i, row] of rows.entries()) {
      await t.db.execute(
        sql`update plan_access_log set at = ${`2027-02-01T10:00:00.000${i + 1}00Z`}::timestamptz where id = ${row.id}`,
      );
    }
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await call('self', 'GET', `${url}/access-log?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.body.entries.map((e: Json) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(rows.map((r) => r.id).reverse());
  });

  it('never sends the cached whole plan to a grantee, and the owner still reads it whole', async () => {
    const { call, url, planId, ids, share } = await learnerWithPlan();
    await share({ scope: 'goal', goalId: ids.workshop.id });
    // The owner's read fills the cache with the whole plan; the grantee's read after it is still cut down.
    expect((await call('self', 'GET', url)).body.goals).toHaveLength(2);
    expect((await call('otherMember', 'GET', `/api/shared/plans/${planId}`)).body.goals).toHaveLength(1);
    expect((await call('self', 'GET', url)).body.goals).toHaveLength(2);
    // The owner's own routes stay owner-only for a grantee.
    expect((await call('otherMember', 'GET', url)).status).toBe(404);
    expect((await call('otherMember', 'GET', `${url}/goals/${ids.workshop.id}`)).status).toBe(404);
    expect((await call('otherMember', 'GET', `${url}/grants`)).status).toBe(404);
  });
});
