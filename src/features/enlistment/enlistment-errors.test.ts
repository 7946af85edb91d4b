import { describe, expect, it } from 'vitest';
import { enlistmentRequest } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { learnerWithMentorEntry } from '../../test/enlistment-fixture.js';

const t = await createTestApp();

describe('enlistment requests refuse', () => {
  it('an entry that names nobody, names the learner, or helps no goal, naming the fields', async () => {
    const f = await learnerWithMentorEntry(t);
    const { c } = f;
    const add = async (payload: object) =>
      (await f.mine('POST', `${f.url}/network`, { kind: 'person', name: 'Someone', ...payload })).id as string;

    const nobody = await f.enlist({}, await add({ goalIds: [f.goals.workshop] }));
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields).toEqual({
      memberId: 'Choose which member of your organisation this is before asking them.',
    });

    const myself = await f.enlist({}, await add({ memberId: c.members.self.id, goalIds: [f.goals.workshop] }));
    expect(myself.body.error.fields).toEqual({ memberId: 'You cannot ask yourself; name someone else.' });

    const noGoals = await f.enlist({}, await add({ memberId: c.members.supervisor.id }));
    expect(noGoals.status).toBe(400);
    expect(noGoals.body.error.fields).toEqual({ goalIds: 'Link this entry to the goals it helps first.' });

    const neither = await f.enlist({}, await add({}));
    expect(Object.keys(neither.body.error.fields).sort()).toEqual(['goalIds', 'memberId']);

    const long = await f.enlist({ message: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields.message).toBe('Keep the message to 2000 characters.');

    expect((await f.enlist({}, 'no-such-entry')).status).toBe(404);
    // Nothing was written by any refusal, and the entry is still "to ask".
    expect(await t.db.select().from(enlistmentRequest)).not.toContainEqual(
      expect.objectContaining({ networkEntryId: f.entryId }),
    );
    expect(await f.entryState()).toBe('to_ask');
  });

  it('asking again while a request is pending or accepted (409)', async () => {
    const f = await learnerWithMentorEntry(t);
    const name = f.c.people.otherMember.name;
    const { id } = (await f.enlist()).body;
    const pending = await f.enlist();
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toBe(
      `You already asked ${name}. Wait for their answer, or withdraw the request first.`,
    );
    await f.step('otherMember', id, 'accept');
    const accepted = await f.enlist();
    expect(accepted.status).toBe(409);
    expect(accepted.body.error.message).toBe(
      `${name} already mentors you on this. End the mentoring first to ask again.`,
    );
    expect(await f.entryState()).toBe('agreed');

    // Naming someone else on the entry meanwhile does not open a second request from it.
    const version = (await f.mine('GET', `${f.url}/network/${f.entryId}`)).version;
    await f.mine('PATCH', `${f.url}/network/${f.entryId}`, { memberId: f.c.members.supervisor.id, version });
    expect((await f.enlist()).body.error.message).toBe(
      `${name} already mentors you on this. End the mentoring first to ask again.`,
    );
  });

  it('a step by the wrong side (403), or in the wrong state (409)', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    const ownAccept = await f.step('self', id, 'accept');
    expect(ownAccept.status).toBe(403);
    expect(ownAccept.body.error.message).toBe('Only the person asked can answer this request.');
    expect((await f.step('self', id, 'decline')).status).toBe(403);
    const theirWithdraw = await f.step('otherMember', id, 'withdraw');
    expect(theirWithdraw.status).toBe(403);
    expect(theirWithdraw.body.error.message).toBe('Only the person who asked can withdraw this request.');

    const early = await f.step('self', id, 'end');
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'conflict',
      message: 'This request is still waiting for an answer, so it cannot be ended now.',
      state: 'pending',
    });

    expect((await f.step('otherMember', id, 'accept')).status).toBe(200);
    const twice = await f.step('otherMember', id, 'accept');
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('This request was accepted, so it cannot be accepted now.');
    expect((await f.step('otherMember', id, 'decline')).status).toBe(409);
    expect((await f.step('self', id, 'withdraw')).status).toBe(409);
    expect(await f.entryState()).toBe('agreed');
    const long = await f.step('otherMember', id, 'decline', { response: 'y'.repeat(2001) });
    expect(long.body.error.fields.response).toBe('Keep the response to 2000 characters.');
  });

  it('anyone else: 404 exactly like a request that does not exist; anonymous: 401', async () => {
    const f = await learnerWithMentorEntry(t);
    const { id } = (await f.enlist()).body;
    const missing = await f.step('otherMember', 'no-such-request', 'accept');
    expect(missing.status).toBe(404);
    for (const kind of ['supervisor', 'admin', 'owner', 'outsider'] as const) {
      for (const step of ['accept', 'decline', 'withdraw', 'end']) {
        const res = await f.step(kind, id, step);
        expect(res.status, `${kind} ${step}`).toBe(404);
        expect(res.body, `${kind} ${step}`).toEqual(missing.body);
      }
      expect((await f.call(kind, 'POST', `${f.url}/network/${f.entryId}/enlist`, {})).status).toBe(404);
    }
    expect((await f.step('anonymous', id, 'accept')).status).toBe(401);
    expect((await f.call('outsider', 'GET', `/api/enlistments?orgId=${f.c.org.id}`)).status).toBe(404);
    expect((await f.lists('supervisor')).incoming).toEqual([]);
    expect(await f.entryState()).toBe('asked');
  });
});
