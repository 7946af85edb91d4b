import { describe, expect, it } from 'vitest';
import { allowedParts, allowedSelections, type PopulationCell, refusal } from './selection-guard.js';

/** A small deterministic random generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomOrganisation(seed: number): PopulationCell[] {
  const next = random(seed);
  const cells: PopulationCell[] = [];
  const departments = 1 + Math.floor(next() * 5);
  for (let d = 0; d < departments; d++) {
    const teams = Math.floor(next() * 4);
    for (let tm = -1; tm < teams; tm++) {
      const learners = Math.floor(next() * (next() < 0.5 ? 4 : 12));
      if (learners > 0) cells.push({ department: `D${d}`, team: tm < 0 ? null : `T${tm}`, learners });
    }
  }
  const outside = Math.floor(next() * 4);
  if (outside > 0) cells.push({ department: null, team: null, learners: outside });
  return cells;
}

describe('the selection guard', () => {
  it('offers parts of at least k whose leftover is none or at least k', () => {
    expect([
      ...allowedParts(
        new Map([
          ['a', 6],
          ['b', 4],
        ]),
        10,
        5,
      ),
    ]).toEqual([]); // a would leave 4
    expect(
      [
        ...allowedParts(
          new Map([
            ['a', 6],
            ['b', 5],
          ]),
          11,
          5,
        ),
      ].sort(),
    ).toEqual(['a', 'b']);
    expect([
      ...allowedParts(
        new Map([
          ['a', 6],
          ['b', 7],
        ]),
        15,
        5,
      ),
    ]).toEqual(['b']); // 2 left over: a withheld
    expect([...allowedParts(new Map([['a', 6]]), 6, 5)]).toEqual(['a']);
  });

  it('never lets figures of allowed groups combine into a group of fewer than k (500 random organisations)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      for (const k of [5, 7]) {
        const cells = randomOrganisation(seed);
        const allowed = allowedSelections(cells, k);
        if (allowed.total < k) continue;
        // Every learner, labelled with the allowed groups they are in; learners with the same labels form a
        // block, and any sum or difference of allowed groups' figures is a sum of whole blocks.
        const blocks = new Map<string, number>();
        for (const c of cells) {
          const labels = ['org'];
          if (c.department && allowed.departments.has(c.department)) {
            labels.push(c.department);
            if (c.team && allowed.departments.get(c.department)?.has(c.team)) labels.push(`${c.department}/${c.team}`);
          }
          const key = labels.join('|');
          blocks.set(key, (blocks.get(key) ?? 0) + c.learners);
        }
        for (const [labels, learners] of blocks) {
          expect(learners, `seed ${seed}, k ${k}, block ${labels}: ${JSON.stringify(cells)}`).toBeGreaterThanOrEqual(k);
        }
        // And what is offered is what the guard lets through.
        for (const [department, teams] of allowed.departments) {
          expect(refusal(allowed, { department }, k)).toBeNull();
          for (const team of teams) expect(refusal(allowed, { department, team }, k)).toBeNull();
        }
      }
    }
  });
});
