import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { plan } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg, createPlan } from '../../test/factories.js';
import { findPlan, findPlanWithItems, listAllItems } from './plans.repository.js';

/*
 * A plan is read whole in one statement (its rows as JSON, decoded by the schema): the answer must be exactly
 * what reading the plan and each part's table one by one gives, dates, arrays, JSON and empty values included.
 */

const t = await createTestApp();

describe(`reading a plan whole in one statement on ${t.database.kind}`, () => {
  it('answers what the table-by-table reads answer', async () => {
    const { org } = await createOrg(t.db);
    const member = await addMember(t.db, org);
    const row = await createPlan(t.db, member, {
      title: 'Data for the reading room',
      content: {
        reflections: [
          { id: 'r1', what: 'Ran the summer club', form: 'team_based', learnedAboutMe: 'I learn by doing' },
          { id: 'r2', what: '' },
        ],
        goals: [
          {
            id: 'g1',
            what: 'Run a workshop',
            startDate: '2027-01-10',
            targetDate: '2027-06-30',
            reflectionIds: ['r1'],
            topics: ['data literacy', 'Teaching'],
            milestones: [{ id: 'm1', title: 'Outline', dueDate: '2027-03-01', done: false }],
          },
          { id: 'g2', what: 'Read "Weapons of Math Destruction" — slowly' },
        ],
        network: [{ id: 'n1', kind: 'person', name: 'Sam', relation: 'mentor', goalIds: ['g1'] }],
        shares: [{ id: 's1', goalId: 'g1', how: 'talk', cadence: 'monthly', startsOn: '2027-02-01' }],
      },
    });
    await t.db
      .update(plan)
      .set({ closedAt: new Date('2026-12-31T23:59:58.123Z') })
      .where(eq(plan.id, row.id));

    const whole = await findPlanWithItems(t.db, row.id);
    expect(whole).toBeDefined();
    expect(whole?.row).toEqual(await findPlan(t.db, row.id));
    expect(whole?.items).toEqual(await listAllItems(t.db, row.id));
    expect(whole?.row.closedAt).toBeInstanceOf(Date);
    expect(whole?.items.goal.map((g) => g.id)).toHaveLength(2);
  });

  it('answers nothing for a plan that does not exist', async () => {
    expect(await findPlanWithItems(t.db, 'no-such-plan')).toBeUndefined();
  });
});
