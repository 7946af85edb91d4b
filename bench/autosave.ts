/**
 * The autosave load: every autocannon connection is one learner typing into the title of their own goal, in
 * their own plan, sending `PATCH /api/plans/:planId/goals/:goalId` with `{ what, version }` as the page does.
 *
 * A connection's goal and version cannot live in autocannon's `context`: autocannon resets the context to
 * `initialContext` each time a connection starts its `requests` over, which with one request is before every
 * request. So `setupClient` (called once per connection) gives each connection its own request whose
 * `setupRequest` claims a goal on the connection's first request and sends its current version, and whose
 * `onResponse` keeps the version of each 200 answer. No two connections share a goal, so no answer is a 409.
 */
import type autocannon from 'autocannon';
import type { BenchSession } from './api.js';
import { goalTitle } from './plan-content.js';
import { type AutosaveGoal, syncVersions } from './plan-fixture.js';

/** autocannon options for one run (warm-up or measured), after reading the goals' versions from the server. */
export async function autosaveRun(
  session: BenchSession,
  goals: AutosaveGoal[],
): Promise<Pick<autocannon.Options, 'setupClient'>> {
  await syncVersions(session, goals);
  const free = [...goals];
  let connections = 0;
  return {
    setupClient: (client) => {
      const connection = connections++;
      let goal: AutosaveGoal | undefined;
      let typed = 0;
      client.setRequests([
        {
          method: 'PATCH',
          headers: { cookie: session.cookie, 'content-type': 'application/json' },
          setupRequest: (req) => {
            goal ??= free.shift();
            if (!goal) throw new Error(`connection ${connection + 1} found no goal of its own to autosave`);
            // The title as it grows while the learner types: a different text on every save.
            const title = `${goalTitle(connection)}, draft ${Math.floor(typed / 40) + 1}`;
            const what = title.slice(0, 8 + (typed++ % (title.length - 7)));
            return {
              ...req,
              path: `/api/plans/${goal.planId}/goals/${goal.goalId}`,
              body: JSON.stringify({ what, version: goal.version }),
            };
          },
          onResponse: (status, body) => {
            if (status === 200 && goal) goal.version = (JSON.parse(body) as { version: number }).version;
          },
        },
      ]);
    },
  };
}
