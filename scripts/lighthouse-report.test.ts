import { describe, expect, it } from 'vitest';
import { type Measure, medianRun, shortfalls, THRESHOLDS, table } from './lighthouse-report.js';

const run = (over: Partial<Measure>): Measure => ({
  page: 'plan',
  preset: 'mobile',
  score: 95,
  accessibility: 100,
  bestPractices: 100,
  lcpMs: 2_000,
  tbtMs: 100,
  cls: 0,
  benchmarkIndex: 1_500,
  ...over,
});

describe('the Lighthouse report', () => {
  it('takes the run with the median score', () => {
    expect(medianRun([run({ score: 97 }), run({ score: 88 }), run({ score: 93 })]).score).toBe(93);
    expect(medianRun([run({ score: 97 }), run({ score: 88 })]).score).toBe(88);
  });

  it('names each threshold a page misses, by how much', () => {
    expect(shortfalls([run({}), run({ preset: 'desktop', score: 98 })], THRESHOLDS)).toEqual([]);
    expect(
      shortfalls(
        [run({ score: 87, lcpMs: 2_700 }), run({ page: 'home', preset: 'desktop', score: 97, lcpMs: 2_700 })],
        THRESHOLDS,
      ),
    ).toEqual([
      'plan mobile: score 87 < 90 (3 short)',
      'plan mobile: LCP 2700 ms > 2500 ms',
      'home desktop: score 97 < 98 (1 short)',
    ]);
    expect(shortfalls([run({ page: 'insights', accessibility: 94, bestPractices: 93 })], THRESHOLDS)).toEqual([
      'insights mobile: accessibility 94 < 95',
      'insights mobile: best practices 93 < 95',
    ]);
  });

  it('prints one aligned line per page and preset', () => {
    const lines = table([run({}), run({ page: 'sign-in', preset: 'desktop', score: 100, lcpMs: 480 })]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^plan\s+mobile\s+95\s+100\s+100\s+2\.00 s\s+100 ms\s+0\.000\s+1500$/);
    expect(lines[2]).toMatch(/^sign-in\s+desktop\s+100\s+100\s+100\s+0\.48 s/);
  });
});
