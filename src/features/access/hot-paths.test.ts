import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';

/*
 * The gate on the two hottest paths asks the database nothing of its own: who owns a plan and which
 * organisations the learner belongs to come from caches (cached-reads.ts). So an owner's read of an unchanged
 * plan costs no query at all, and an autosave while typing on into the same item one: the save itself (and on
 * PostgreSQL the NOTIFY that tells the other instances).
 */

const t = await createTestApp();

/** Counts the statements sent to the database (PGlite or the PostgreSQL pool) from now on. */
function countStatements() {
  const client = (t.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  return vi.spyOn(client, 'query');
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function typingIntoAGoal() {
  const { org } = await createOrg(t.db);
  const member = await addMember(t.db, org);
  const plan = await createPlan(t.db, member, { content: { goals: [{ id: 'g', what: 'First words' }] } });
  const headers = { cookie: await t.sessionFor(member.userId) };
  const url = `/api/plans/${plan.id}`;
  const read = async () => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode).toBe(200);
    return res.json() as { goals: { id: string; version: number }[] };
  };
  const goal = (await read()).goals[0] as { id: string; version: number };
  let { version } = goal;
  const type = async (what: string) => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `${url}/goals/${goal.id}`,
      headers,
      payload: { what, version },
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  };
  // The first save goes the general way and makes the revision the next ones fold into.
  await type('First words, then');
  return { read, type };
}

describe('the access gate on hot paths', () => {
  it('lets the owner read their unchanged plan without a query', async () => {
    const { read } = await typingIntoAGoal();
    await read();
    const statements = countStatements();
    await read();
    expect(statements).not.toHaveBeenCalled();
  });

  it('costs an autosave no query beyond the save', async () => {
    const { type } = await typingIntoAGoal();
    const statements = countStatements();
    await type('First words, then more');
    // On PostgreSQL, one more: telling the other instances, after the save has committed (change-feed.ts).
    expect(statements).toHaveBeenCalledTimes(t.database.kind === 'postgres' ? 2 : 1);
  });
});
