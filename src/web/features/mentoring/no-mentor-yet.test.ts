import { describe, expect, it } from 'vitest';
import { noMentorYet } from './no-mentor-yet';

describe('the hint when nobody offers mentoring', () => {
  it('asks for topics only when the goal has none', () => {
    expect(noMentorYet([])).toMatch(/Naming the topics of your goal/);
  });

  it('names the goal’s topics instead of asking for them', () => {
    const hint = noMentorYet(['data literacy', 'facilitation']);
    expect(hint).toBe(
      'Nobody in your organisation offers mentoring on “data literacy” or “facilitation” yet. Colleagues learning the same, below, or a community on the topic can help meanwhile.',
    );
    expect(hint).not.toMatch(/Naming the topics/);
    expect(noMentorYet(['wound care'])).toMatch(/on “wound care” yet/);
  });
});
