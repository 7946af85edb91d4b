import { describe, expect, it } from 'vitest';
import { landingFor } from './landing';

const signedIn = ['/api/me'];

describe('what a first visit starts before the app has arrived', () => {
  it('on a plan: the header, the plan, its reviews and check-ins, what is next, and the plan page code', () => {
    const landing = landingFor('/orgs/o-1/plans/p-2');
    expect(landing.reads).toEqual([
      ...signedIn,
      '/api/reviews?orgId=o-1',
      '/api/plans/p-2',
      '/api/plans/p-2/reviews',
      '/api/plans/p-2/checkins',
      '/api/plans/p-2/next-steps',
    ]);
    expect(landing.code).toBeDefined();
  });

  it("on an organisation's home: the header, the organisation and what is next", () => {
    expect(landingFor('/orgs/o-1').reads).toEqual([
      ...signedIn,
      '/api/reviews?orgId=o-1',
      '/api/orgs/o-1',
      '/api/orgs/o-1/home',
    ]);
    expect(landingFor('/orgs/o-1/').reads).toContain('/api/orgs/o-1');
  });

  it('on insights: the header, the organisation and the insights code, but no figures before the role is known', () => {
    const landing = landingFor('/orgs/o-1/insights');
    expect(landing.reads).toEqual([...signedIn, '/api/reviews?orgId=o-1', '/api/orgs/o-1']);
    expect(landing.code).toBeDefined();
    expect(landingFor('/orgs/o-1/insights/topics').code).toBeUndefined();
  });

  it('reads no organisation called "new" (the page that creates one)', () => {
    expect(landingFor('/orgs/new')).toEqual({ reads: signedIn, code: undefined });
    expect(landingFor('/orgs/newsroom').reads).toContain('/api/orgs/newsroom');
  });

  it('reads nothing for a signed-out page, and starts only the sign-in code', () => {
    expect(landingFor('/sign-in').reads).toEqual([]);
    expect(landingFor('/sign-in').code).toBeDefined();
    expect(landingFor('/invite/abc').reads).toEqual([]);
  });

  it('on any other page: only what every signed-in page shows, no page code', () => {
    expect(landingFor('/settings')).toEqual({ reads: signedIn, code: undefined });
    expect(landingFor('/orgs/o-1/log')).toEqual({ reads: [...signedIn, '/api/reviews?orgId=o-1'], code: undefined });
  });

  it('passes ids as the router does, and does not stop at a malformed escape', () => {
    expect(landingFor('/orgs/a%20b').reads).toContain('/api/reviews?orgId=a%20b');
    expect(landingFor('/orgs/a%20b').reads).toContain('/api/orgs/a b');
    expect(() => landingFor('/orgs/%E0%A4%A/plans/x')).not.toThrow();
  });
});
