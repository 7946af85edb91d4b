import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { createPlan } from '../../test/factories.js';
import { logPage } from './log.schema.js';

const t = await createTestApp();

const api = t.call;

async function learner() {
  const c = await createCast(t);
  const me = c.as('self') as Record<string, string>;
  const plan = await createPlan(t.db, c.members.self, {
    content: { goals: [{ id: 'g', what: 'Run a data workshop' }] },
  });
  const goals = (await api('GET', `/api/goals?orgId=${c.org.id}`, me)).body.goals;
  return { c, me, plan, goalId: goals[0].id as string };
}

describe('learning log', () => {
  it('captures in seconds, with the goal it serves, and lists newest first', async () => {
    const { c, me, goalId } = await learner();
    const quick = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'Pivot tables group by month' });
    expect(quick.status).toBe(201);
    expect(quick.body).toMatchObject({ what: 'Pivot tables group by month', form: null, goal: null });
    expect(quick.body.learnedOn).toBe(new Date().toISOString().slice(0, 10));
    const full = await api('POST', '/api/log', me, {
      organizationId: c.org.id,
      what: 'How Sam runs a data clinic',
      form: 'mentoring',
      source: 'Sam',
      goalId,
      learnedOn: '2026-01-05',
    });
    expect(full.body.goal).toMatchObject({ id: goalId, what: 'Run a data workshop' });
    const list = await api('GET', `/api/log?orgId=${c.org.id}`, me);
    expect(list.body.entries.map((e: Json) => e.what)).toEqual([
      'Pivot tables group by month',
      'How Sam runs a data clinic',
    ]);
    expect(list.body.nextCursor).toBeNull();
    // The page is built by the database: it must be exactly what the schema promises and the single reads show.
    expect(logPage.parse(list.body)).toEqual(list.body);
    for (const entry of list.body.entries) {
      expect((await api('GET', `/api/log/${entry.id}`, me)).body).toEqual(entry);
    }
  });

  it('filters by goal, form, dates and words, and pages by keyset without gaps or repeats', async () => {
    const { c, me, goalId } = await learner();
    for (let day = 1; day <= 12; day++) {
      await api('POST', '/api/log', me, {
        organizationId: c.org.id,
        what: day % 3 === 0 ? `Spreadsheet trick number ${day}` : `Reading note ${day}`,
        form: day % 2 === 0 ? 'reading_listening' : 'peer_to_peer',
        goalId: day % 4 === 0 ? goalId : null,
        learnedOn: `2026-03-${String(day).padStart(2, '0')}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Json } = await api(
        'GET',
        `/api/log?orgId=${c.org.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        me,
      );
      seen.push(...page.body.entries.map((e: Json) => e.learnedOn));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...Array(12)].map((_, i) => `2026-03-${String(12 - i).padStart(2, '0')}`));

    const byGoal = await api('GET', `/api/log?orgId=${c.org.id}&goalId=${goalId}`, me);
    expect(byGoal.body.entries).toHaveLength(3);
    const byForm = await api('GET', `/api/log?orgId=${c.org.id}&form=reading_listening`, me);
    expect(byForm.body.entries).toHaveLength(6);
    const byDates = await api('GET', `/api/log?orgId=${c.org.id}&from=2026-03-03&to=2026-03-05`, me);
    expect(byDates.body.entries.map((e: Json) => e.learnedOn)).toEqual(['2026-03-05', '2026-03-04', '2026-03-03']);
    const byWords = await api('GET', `/api/log?orgId=${c.org.id}&q=spreadsheet%20trick`, me);
    expect(byWords.body.entries).toHaveLength(4);
  });

  it('edits with versions and deletes; bad input names the field and stores nothing', async () => {
    const { c, me } = await learner();
    const other = await learner();
    const entry = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'First' });
    const edited = await api('PATCH', `/api/log/${entry.body.id}`, me, { what: 'Second', version: 1 });
    expect(edited.body).toMatchObject({ what: 'Second', version: 2 });
    const stale = await api('PATCH', `/api/log/${entry.body.id}`, me, { what: 'Third', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.what).toBe('Second');
    for (const [payload, field] of [
      [{ what: '' }, 'what'],
      [{ what: 'x'.repeat(2001) }, 'what'],
      [{ what: 'ok', form: 'osmosis' }, 'form'],
      [{ what: 'ok', learnedOn: 'yesterday' }, 'learnedOn'],
      [{ what: 'ok', goalId: other.goalId }, 'goalId'],
    ] as const) {
      const res = await api('POST', '/api/log', me, { organizationId: c.org.id, ...payload });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields, field).toHaveProperty(field);
    }
    const badCursor = await api('GET', `/api/log?orgId=${c.org.id}&cursor=nonsense`, me);
    expect(badCursor.body.error.fields).toHaveProperty('cursor');
    expect((await api('GET', `/api/log?orgId=${c.org.id}`, me)).body.entries).toHaveLength(1);
    expect((await api('DELETE', `/api/log/${entry.body.id}`, me)).status).toBe(204);
    expect((await api('GET', `/api/log/${entry.body.id}`, me)).status).toBe(404);
  });

  it('serves a page from memory only until the learner changes their log, goals or plan', async () => {
    const { c, me, plan, goalId } = await learner();
    const page = async () => (await api('GET', `/api/log?orgId=${c.org.id}`, me)).body.entries as Json[];
    await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'First', goalId, learnedOn: '2026-01-01' });
    expect((await page()).map((e) => e.what)).toEqual(['First']);
    const second = await api('POST', '/api/log', me, {
      organizationId: c.org.id,
      what: 'Second',
      learnedOn: '2026-01-02',
    });
    expect((await page()).map((e) => e.what)).toEqual(['Second', 'First']);
    await api('PATCH', `/api/log/${second.body.id}`, me, { what: 'Second, edited' });
    expect((await page()).map((e) => e.what)).toEqual(['Second, edited', 'First']);
    // Autosave of the goal's wording (the fast path) and a plan rename both show on the next page read.
    await api('PATCH', `/api/plans/${plan.id}/goals/${goalId}`, me, { what: 'Run two data workshops', version: 1 });
    expect((await page())[1]?.goal).toMatchObject({ what: 'Run two data workshops' });
    const { version } = (await api('GET', `/api/plans/${plan.id}`, me)).body;
    await api('PATCH', `/api/plans/${plan.id}`, me, { cycle: '2031', version });
    expect((await page())[1]?.goal).toMatchObject({ cycle: '2031' });
    await api('DELETE', `/api/plans/${plan.id}/goals/${goalId}`, me);
    expect((await page())[1]?.goal).toBeNull();
    await api('DELETE', `/api/log/${second.body.id}`, me);
    expect((await page()).map((e) => e.what)).toEqual(['First']);
  });

  it('is private: nobody else reads, changes or lists a learner’s entries', async () => {
    const { c, me } = await learner();
    const entry = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'Private note' });
    for (const kind of ['otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const) {
      const h = c.as(kind) as Record<string, string>;
      expect((await api('GET', `/api/log/${entry.body.id}`, h)).status, kind).toBe(404);
      expect((await api('PATCH', `/api/log/${entry.body.id}`, h, { what: 'x' })).status, kind).toBe(404);
      const theirs = await api('GET', `/api/log?orgId=${c.org.id}`, h);
      expect(theirs.body.entries ?? [], kind).toEqual([]);
    }
  });
});
