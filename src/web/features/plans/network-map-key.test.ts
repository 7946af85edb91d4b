import { describe, expect, it } from 'vitest';
import { mapKey } from './network-map-key';

type Entry = Parameters<typeof mapKey>[0]['network'][number];
const entry = (over: Partial<Entry>): Entry =>
  ({ kind: 'person', goalIds: ['g'], enlistment: 'agreed', ...over }) as Entry;
const goals = [{ id: 'g' }] as Parameters<typeof mapKey>[0]['goals'];

describe("the network map's key", () => {
  it('says what each colour and line of this plan means', () => {
    const key = mapKey({ goals, network: [entry({}), entry({ kind: 'resource' }), entry({ enlistment: 'asked' })] });
    expect(key.map((k) => k.meaning)).toEqual([
      'A goal of this plan',
      'A person',
      'A community or a resource',
      'Helps with the goal',
      'Asked to help, no answer yet (a moving dashed line)',
    ]);
  });

  it('names only what the map shows', () => {
    expect(mapKey({ goals, network: [] }).map((k) => k.swatch)).toEqual(['goal']);
    expect(mapKey({ goals, network: [entry({ enlistment: 'asked' })] }).map((k) => k.swatch)).toEqual([
      'goal',
      'person',
      'line asked',
    ]);
  });
});
