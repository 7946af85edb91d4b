import { type Answer, type BrowserClient, cookieAfter, type Person, type RequestOptions } from './instance-client.js';

/*
 * Learners at work through the balancer, no sticky sessions: each round a learner autosaves their goal,
 * captures learning and posts, and reads each back at once (whichever instance the read lands on). A read
 * that does not show the learner's own acknowledged write is a wrong answer. A 503 (an instance draining
 * or its database away) is tried again, as the web app does; any other failure is counted.
 */

export interface WorkingLearner extends Person {
  orgId: string;
  planId: string;
  goal: { id: string; what: string; version: number };
}

export interface Tally {
  requests: number;
  /** 503 answers that a retry then covered. */
  retried503: number;
  /** Requests that failed beyond that: no answer, another status, or 503 five times over. */
  failures: string[];
  /** Reads that did not show the learner's own acknowledged write. */
  wrong: string[];
}

export const newTally = (): Tally => ({ requests: 0, retried503: 0, failures: [], wrong: [] });

const RETRIES = 5;

/**
 * The day a round's capture is dated: later each round. The log lists newest day first, then by id (random),
 * so on one day a new entry may sort below the first page; a day of its own puts it first.
 */
export const dayOfRound = (round: number) =>
  new Date(Date.UTC(2020, 0, 1) + round * 86_400_000).toISOString().slice(0, 10);

/** A learner with an organisation, a plan and a goal of their own, signed up directly on an instance. */
export async function prepareLearner(client: BrowserClient, target: string, name: string): Promise<WorkingLearner> {
  const person = await client.signUp(target, name);
  const cookie = person.cookie;
  const org = await client.must(target, 'POST', '/api/orgs', { cookie, json: { name: `${name}'s team` } }, 201);
  const plan = await client.must(
    target,
    'POST',
    '/api/plans',
    { cookie, json: { organizationId: org.body.id, cycle: '2027', title: `${name}'s plan` } },
    201,
  );
  const goal = await client.must(
    target,
    'POST',
    `/api/plans/${plan.body.id}/goals`,
    { cookie, json: { what: 'First goal' } },
    201,
  );
  return {
    ...person,
    orgId: org.body.id,
    planId: plan.body.id,
    goal: { id: goal.body.id, what: 'First goal', version: goal.body.version },
  };
}

/** One request through the balancer; a 503 is tried again after a short pause. Undefined when it failed. */
async function send(
  client: BrowserClient,
  balancer: string,
  tally: Tally,
  method: string,
  path: string,
  expected: number,
  options: RequestOptions,
): Promise<Answer | undefined> {
  for (let attempt = 1; ; attempt++) {
    tally.requests++;
    let answer: Answer;
    try {
      answer = await client.call(balancer, method, path, options);
    } catch (err) {
      const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
      tally.failures.push(
        `${new Date().toISOString()} ${method} ${path}: no answer (${(err as Error).message}: ${cause?.code} ${cause?.message})`,
      );
      return undefined;
    }
    if (answer.status === expected) return answer;
    if (answer.status === 503 && attempt < RETRIES) {
      tally.retried503++;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    tally.failures.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    return undefined;
  }
}

/** One round of a learner's work through the balancer: three writes, each read back at once. */
export async function workOneRound(
  client: BrowserClient,
  balancer: string,
  learner: WorkingLearner,
  round: number,
  tally: Tally,
) {
  // The learner's browser keeps the cookies answers set (a write's mark: server/own-writes.ts).
  const call = async (method: string, path: string, expected: number, json?: unknown) => {
    const answer = await send(client, balancer, tally, method, path, expected, { cookie: learner.cookie, json });
    if (answer) learner.cookie = cookieAfter(learner.cookie, answer.headers);
    return answer;
  };
  const wrong = (what: string) => tally.wrong.push(`${learner.name}, round ${round}: ${what}`);

  const what = `${learner.name} typed ${round}`;
  const saved = await call('PATCH', `/api/plans/${learner.planId}/goals/${learner.goal.id}`, 200, {
    what,
    version: learner.goal.version,
  });
  if (saved) learner.goal = { id: learner.goal.id, what, version: saved.body.version };
  const plan = await call('GET', `/api/plans/${learner.planId}`, 200);
  const shown = plan?.body.goals.find((g: { id: string }) => g.id === learner.goal.id);
  if (plan && (shown?.what !== learner.goal.what || shown?.version !== learner.goal.version)) {
    wrong(`the plan shows "${shown?.what}" v${shown?.version}, saved "${learner.goal.what}" v${learner.goal.version}`);
  }

  const entry = await call('POST', '/api/log', 201, {
    organizationId: learner.orgId,
    what: `Learned ${round}`,
    learnedOn: dayOfRound(round),
  });
  const log = await call('GET', `/api/log?orgId=${learner.orgId}`, 200);
  if (entry && log && !log.body.entries.some((e: { id: string }) => e.id === entry.body.id)) {
    wrong(`the log lacks the entry captured (${entry.body.id})`);
  }

  const post = await call('POST', '/api/posts', 201, {
    organizationId: learner.orgId,
    body: `Round ${round}: what I learned`,
    visibility: 'organization',
  });
  const feed = await call('GET', `/api/feed?orgId=${learner.orgId}`, 200);
  if (post && feed && !feed.body.posts.some((p: { id: string }) => p.id === post.body.id)) {
    wrong(`the feed lacks the post written (${post.body.id})`);
  }
}
