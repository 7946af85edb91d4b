import { dayOfRound } from './balancer-work.js';
import { cookieAfter, type Person } from './instance-client.js';
import type { Instance, Instances } from './instances.js';
import type { Trial } from './propagation.js';

/*
 * What must show at once on every instance: a learner autosaves a goal, captures learning and posts, and a
 * colleague reads the feed. People, their organisation and plan are made through the HTTP API. The learner's
 * browser keeps the cookies answers set, as a browser does: a write's mark (server/own-writes.ts) goes with the
 * learner's next read.
 */

export function visibleTrials(x: Instances) {
  const { client } = x;
  /** The instance set-up request i goes to. */
  const by = (i: number) => (x.instances[i % x.instances.length] as Instance).url;

  const createOrg = async (owner: Person, name: string, i = 0): Promise<string> =>
    (await client.must(by(i), 'POST', '/api/orgs', { cookie: owner.cookie, json: { name } }, 201)).body.id;

  /** Invites `person` into the organisation as `role` and has them accept; answers their membership id. */
  async function join(orgId: string, inviter: Person, person: Person, role: 'member' | 'admin', i = 0) {
    const invitation = await client.must(
      by(i),
      'POST',
      `/api/orgs/${orgId}/invitations`,
      { cookie: inviter.cookie, json: { email: person.email, role } },
      201,
    );
    const token = new URL(invitation.body.url).pathname.split('/').pop() as string;
    const accepted = await client.must(by(i + 1), 'POST', `/api/invitations/${token}/accept`, {
      cookie: person.cookie,
    });
    return accepted.body.memberId as string;
  }

  return {
    createOrg,

    /**
     * A learner who autosaves a goal, captures learning and posts, and a colleague who reads the feed:
     * each write must show on the other instances at their next request.
     */
    async learnerAtWork() {
      const learner = await client.signUp(by(0), 'Busy Learner');
      const colleague = await client.signUp(by(1), 'Colleague');
      const orgId = await createOrg(learner, 'Working Organisation');
      await join(orgId, learner, colleague, 'member');
      const plan = await client.must(
        by(1),
        'POST',
        '/api/plans',
        { cookie: learner.cookie, json: { organizationId: orgId, cycle: '2027', title: 'Plan at work' } },
        201,
      );
      const planId = plan.body.id as string;
      const created = await client.must(
        by(2),
        'POST',
        `/api/plans/${planId}/goals`,
        { cookie: learner.cookie, json: { what: 'Autosave 0' } },
        201,
      );
      const goal = { id: created.body.id as string, what: 'Autosave 0', version: created.body.version as number };
      const read = async (r: Instance, path: string, cookie = learner.cookie) =>
        (await client.must(r.url, 'GET', path, { cookie })).body;
      // The previous trial's write was seen by its readers and made by its writer: an instance that does not
      // show it now kept a stale copy, and the instances disagree.
      const expectBefore = (shown: boolean, r: Instance, what: string) => {
        if (!shown) throw new Error(`${r.name} still shows the state before the last ${what}, acknowledged earlier`);
      };

      const autosave = (i: number): Trial => {
        const what = `Autosave ${i + 1}`;
        const goalWhat = async (r: Instance) => (await read(r, `/api/plans/${planId}`)).goals[0]?.what;
        return {
          before: async (r) => expectBefore((await goalWhat(r)) === goal.what, r, 'autosave'),
          write: async (w) => {
            const saved = await client.must(w.url, 'PATCH', `/api/plans/${planId}/goals/${goal.id}`, {
              cookie: learner.cookie,
              json: { what, version: goal.version },
            });
            Object.assign(goal, { what, version: saved.body.version });
            learner.cookie = cookieAfter(learner.cookie, saved.headers);
          },
          shows: async (r) => (await goalWhat(r)) === what,
        };
      };

      let lastEntry: string | undefined;
      const logIds = async (r: Instance) =>
        (await read(r, `/api/log?orgId=${orgId}`)).entries.map((e: { id: string }) => e.id) as string[];
      const capture = (i: number): Trial => {
        let id = '';
        return {
          before: async (r) => expectBefore(!lastEntry || (await logIds(r)).includes(lastEntry), r, 'capture'),
          write: async (w) => {
            const entry = await client.must(
              w.url,
              'POST',
              '/api/log',
              {
                cookie: learner.cookie,
                json: { organizationId: orgId, what: `Captured ${i}`, learnedOn: dayOfRound(i) },
              },
              201,
            );
            id = entry.body.id;
            lastEntry = id;
            learner.cookie = cookieAfter(learner.cookie, entry.headers);
          },
          shows: async (r) => (await logIds(r)).includes(id),
        };
      };

      let lastPost: string | undefined;
      const feedIds = async (r: Instance) =>
        (await read(r, `/api/feed?orgId=${orgId}`, colleague.cookie)).posts.map(
          (p: { id: string }) => p.id,
        ) as string[];
      const post = (i: number): Trial => {
        let id = '';
        return {
          before: async (r) => expectBefore(!lastPost || (await feedIds(r)).includes(lastPost), r, 'post'),
          write: async (w) => {
            const made = await client.must(
              w.url,
              'POST',
              '/api/posts',
              {
                cookie: learner.cookie,
                json: { organizationId: orgId, body: `Learning out loud, post ${i}`, visibility: 'organization' },
              },
              201,
            );
            id = made.body.id;
            lastPost = id;
            learner.cookie = cookieAfter(learner.cookie, made.headers);
          },
          shows: async (r) => (await feedIds(r)).includes(id),
        };
      };
      return { autosave, capture, post };
    },

    /**
     * A participant in Waymark's starter programme, and an organiser who edits it: the participant's marks and
     * the organiser's edits must show in the participant's "this week" (read from caches) on every instance.
     */
    async programmeAtWork() {
      const participant = await client.signUp(by(0), 'Keen Participant');
      const organiser = await client.signUp(by(1), 'Programme Organiser');
      const orgId = await createOrg(participant, 'Programme Organisation');
      await join(orgId, participant, organiser, 'admin');
      const made = await client.must(
        by(2),
        'POST',
        `/api/orgs/${orgId}/programmes/starter`,
        { cookie: organiser.cookie },
        201,
      );
      const programmeId = made.body.id as string;
      const published = await client.must(by(0), 'POST', `/api/programmes/${programmeId}/publish`, {
        cookie: organiser.cookie,
      });
      const first = published.body.weeks[0].things[0] as { id: string; title: string; version: number };
      const thing = { ...first };
      const enrolled = await client.must(
        by(1),
        'POST',
        `/api/programmes/${programmeId}/enrolments`,
        { cookie: participant.cookie, json: { addGoal: false } },
        201,
      );
      const thisWeek = `/api/enrolments/${enrolled.body.id as string}`;
      const firstThing = async (r: Instance) =>
        (await client.must(r.url, 'GET', thisWeek, { cookie: participant.cookie })).body.things[0] as {
          title: string;
          triedAt: string | null;
        };
      const expectBefore = (shown: boolean, r: Instance, what: string) => {
        if (!shown) throw new Error(`${r.name} still shows "this week" as before the last ${what}`);
      };

      const tried = (i: number): Trial => {
        const marked = i % 2 === 0; // the first trial marks it tried, the next unmarks it, and so on
        return {
          before: async (r) => expectBefore(((await firstThing(r)).triedAt !== null) === !marked, r, 'mark'),
          write: async (w) => {
            const answer = await client.must(w.url, 'PUT', `${thisWeek}/things/${thing.id}/tried`, {
              cookie: participant.cookie,
              json: { tried: marked },
            });
            participant.cookie = cookieAfter(participant.cookie, answer.headers);
          },
          shows: async (r) => ((await firstThing(r)).triedAt !== null) === marked,
        };
      };

      const edit = (i: number): Trial => {
        const title = `${first.title} (edit ${i + 1})`;
        return {
          before: async (r) => expectBefore((await firstThing(r)).title === thing.title, r, 'edit'),
          write: async (w) => {
            const answer = await client.must(w.url, 'PATCH', `/api/programme-things/${thing.id}`, {
              cookie: organiser.cookie,
              json: { title, version: thing.version },
            });
            const saved = (answer.body.weeks as { things: { id: string; version: number }[] }[])
              .flatMap((week) => week.things)
              .find((t) => t.id === thing.id);
            Object.assign(thing, { title, version: saved?.version });
          },
          shows: async (r) => (await firstThing(r)).title === title,
        };
      };
      return { tried, edit };
    },
  };
}
