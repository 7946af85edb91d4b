import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { learnerWithPlan } from '../../test/review-fixture.js';
import { describeAgreedChange } from './agreed-change-words.js';
import { agreedChanges, type Revision } from './agreed-changes.js';

const at = new Date('2027-02-01T09:00:00Z');
const goal = (over: Record<string, unknown> = {}) => ({
  what: 'Run a workshop',
  why: '',
  how: '',
  evidence: '',
  startDate: null,
  targetDate: '2027-06-30',
  links: '',
  reflectionIds: [],
  status: 'active',
  progress: 0,
  milestones: [{ id: 'm1', title: 'Outline', dueDate: '2027-03-01', done: false }],
  topics: [],
  carriedFromGoalId: null,
  ...over,
});
const rev = (entityType: string, entityId: string, before: object | null, after: object | null): Revision => ({
  entityType,
  entityId,
  before: before as Revision['before'],
  after: after as Revision['after'],
  updatedAt: at,
});

describe('what counts as a change to what was agreed', () => {
  it('leaves out progress, status moves, milestones ticked off, enlistment, shares recorded and reflections', () => {
    const ticked = goal({ progress: 30, status: 'achieved', milestones: [{ ...goal().milestones[0], done: true }] });
    expect(
      agreedChanges([
        rev('goal', 'g1', goal(), ticked),
        rev('network', 'n1', { name: 'Ada', enlistment: 'to_ask' }, { name: 'Ada', enlistment: 'agreed' }),
        rev('share', 's1', { how: 'talk', records: [] }, { how: 'talk', records: [{ id: 'r1' }] }),
        rev('reflection', 'r1', { what: 'Reading club' }, { what: 'Book club' }),
      ]),
    ).toEqual({ changes: [], last: null });
  });

  it('names each changed item once, with the agreed fields that differ now', () => {
    const { changes, last } = agreedChanges([
      rev('goal', 'g1', goal(), goal({ progress: 30 })),
      rev('goal', 'g1', goal({ progress: 30 }), goal({ progress: 30, targetDate: '2027-09-30' })),
      rev(
        'goal',
        'g1',
        goal({ targetDate: '2027-09-30' }),
        goal({ what: 'Run two workshops', targetDate: '2027-09-30' }),
      ),
      rev('goal', 'g2', goal({ what: 'Change jobs' }), goal({ what: 'Change jobs', status: 'dropped' })),
      rev('network', 'n1', null, { name: 'Sam', goalIds: ['g1'] }),
      rev('share', 's1', { how: 'talk', goalId: 'g2' }, null),
    ]);
    expect(changes).toEqual([
      {
        entityType: 'goal',
        entityId: 'g1',
        label: 'Goal: Run two workshops',
        action: 'changed',
        fields: ['what', 'targetDate'],
      },
      { entityType: 'goal', entityId: 'g2', label: 'Goal: Change jobs', action: 'changed', fields: ['status'] },
      { entityType: 'network', entityId: 'n1', label: 'Network entry: Sam', action: 'added', fields: [] },
      { entityType: 'share', entityId: 's1', label: 'Sharing commitment', action: 'removed', fields: [] },
    ]);
    expect(last).toEqual(at);
  });

  it('says nothing of a date moved and moved back, or of a blank goal added', () => {
    const blank = goal({ what: '', targetDate: null, milestones: [] });
    expect(
      agreedChanges([
        rev('goal', 'g1', goal(), goal({ targetDate: '2027-09-30' })),
        rev('goal', 'g1', goal({ targetDate: '2027-09-30' }), goal()),
        rev('goal', 'g3', null, blank),
      ]).changes,
    ).toEqual([]);
  });
});

const t = await createTestApp();

describe('changed since the agreement', () => {
  it('stays unchanged after a check-in moves a goal from 0 to 30 %, and names what changed after an edit', async () => {
    const { call, url, ids, requested, editGoal } = await learnerWithPlan(t);
    const review = await requested();
    await call('supervisor', 'POST', `/api/reviews/${review.id}/sign`, {});
    await call('self', 'POST', `/api/reviews/${review.id}/sign`, {});

    const checkin = await call('self', 'POST', `${url}/checkins`, {
      answers: { learned: 'How to plan a session' },
      progress: [{ goalId: ids.workshop, progress: 30, status: 'active' }],
    });
    expect(checkin.status).toBe(201);
    const afterCheckin = await call('self', 'GET', `${url}/reviews`);
    expect(afterCheckin.body.changedSinceAgreement).toMatchObject({ count: 0, changes: [], lastChangedAt: null });

    await editGoal(ids.workshop, 'Run two workshops');
    const afterEdit = await call('self', 'GET', `${url}/reviews`);
    expect(afterEdit.body.changedSinceAgreement).toMatchObject({
      count: 1,
      changes: [{ entityId: ids.workshop, label: 'Goal: Run two workshops', action: 'changed', fields: ['what'] }],
    });
  });
});

describe('how a change to what was agreed reads', () => {
  it('says what happened to each item in words', () => {
    const change = { entityType: 'goal', entityId: 'g1', label: 'Goal: Run two workshops' } as const;
    expect(describeAgreedChange({ ...change, action: 'changed', fields: ['what', 'targetDate', 'milestones'] })).toBe(
      'Goal: Run two workshops: wording, target date and milestones changed',
    );
    expect(describeAgreedChange({ ...change, action: 'changed', fields: ['status'] })).toBe(
      'Goal: Run two workshops: dropped or taken up again',
    );
    expect(
      describeAgreedChange({
        ...change,
        entityType: 'network',
        label: 'Network entry: Sam',
        action: 'added',
        fields: [],
      }),
    ).toBe('Network entry: Sam: added');
  });
});
