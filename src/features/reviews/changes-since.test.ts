import { describe, expect, it } from 'vitest';
import { changeIsCovered } from './changes-since.js';

const cover = (c: Partial<{ plan: boolean; parts: string[]; goalIds: string[] }>) =>
  ({ plan: false, parts: [], goalIds: [], ...c }) as Parameters<typeof changeIsCovered>[0];
const change = (entityType: string, entityId: string, before: object | null, after: object | null) => ({
  entityType,
  entityId,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe('which changes a supervisor hears of', () => {
  it('the whole plan: every change; any share: the plan’s title and cycle', () => {
    expect(changeIsCovered(cover({ plan: true }), change('reflection', 'r1', null, {}))).toBe(true);
    expect(changeIsCovered(cover({ goalIds: ['g1'] }), change('plan', 'p1', {}, {}))).toBe(true);
  });

  it('a part: the changes to its items only', () => {
    const goals = cover({ parts: ['goals'] });
    expect(changeIsCovered(goals, change('goal', 'g9', null, { what: 'New' }))).toBe(true);
    expect(changeIsCovered(goals, change('reflection', 'r1', null, {}))).toBe(false);
    expect(changeIsCovered(goals, change('network', 'n1', null, { goalIds: ['g9'] }))).toBe(false);
  });

  it('a goal: the goal and what is linked to it before or after the change, nothing else', () => {
    const one = cover({ goalIds: ['g1'] });
    expect(changeIsCovered(one, change('goal', 'g1', {}, {}))).toBe(true);
    expect(changeIsCovered(one, change('goal', 'g2', {}, {}))).toBe(false);
    expect(changeIsCovered(one, change('network', 'n1', { goalIds: ['g1'] }, { goalIds: [] }))).toBe(true);
    expect(changeIsCovered(one, change('network', 'n2', { goalIds: ['g2'] }, null))).toBe(false);
    expect(changeIsCovered(one, change('share', 's1', null, { goalId: 'g1' }))).toBe(true);
    expect(changeIsCovered(one, change('share', 's2', { goalId: null }, { goalId: 'g2' }))).toBe(false);
    expect(changeIsCovered(one, change('reflection', 'r1', {}, {}))).toBe(false);
  });
});
