import { describe, expect, it } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';

const t = await createTestApp();

/** A learner (`self`) with a reflection and two goals; `otherMember` gets the goal "Run a workshop" to comment on. */
async function conversation(access: 'comment' | 'read' = 'comment') {
  const c = await createCast(t);
  const as = (kind: ActorKind) => c.as(kind) as Record<string, string>;
  const call = (kind: ActorKind, method: string, url: string, payload?: object) =>
    t.call(method, url, as(kind), payload);
  const mine = async (method: string, url: string, payload?: object) => {
    const res = await call('self', method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const url = `/api/plans/${plan.id}`;
  const reflection = await mine('POST', `${url}/reflections`, { what: 'Reading club' });
  const workshop = await mine('POST', `${url}/goals`, { what: 'Run a workshop', how: 'Shadow Sam' });
  const secret = await mine('POST', `${url}/goals`, { what: 'Change jobs' });
  const grant = await mine('POST', `${url}/grants`, {
    memberId: c.members.otherMember.id,
    scope: 'goal',
    goalId: workshop.id,
    access,
  });
  const onWorkshop = { targetKind: 'goal', targetId: workshop.id };
  const notificationsOf = async (kind: ActorKind) =>
    (await call(kind, 'GET', '/api/notifications', undefined)).body.notifications as Json[];
  return { c, call, mine, url, plan, reflection, workshop, secret, grant, onWorkshop, notificationsOf };
}

describe('comments', () => {
  it('lets someone with comment access comment and the learner reply, in one thread, each told of the other', async () => {
    const { call, url, onWorkshop, workshop, plan, c, notificationsOf } = await conversation();
    const first = await call('otherMember', 'POST', `${url}/comments`, {
      ...onWorkshop,
      body: 'Have you tried **pairing** with [Sam](https://example.org/sam)? <script>alert(1)</script>',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ parentId: null, mine: true, author: { isLearner: false }, deleted: false });
    expect(first.body.html).toContain('<strong>pairing</strong>');
    expect(first.body.html).not.toContain('<script'); // shown as text: &lt;script&gt;
    expect(first.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const told = await notificationsOf('self');
    expect(told[0]).toMatchObject({
      kind: 'comment',
      link: `/orgs/${c.org.id}/plans/${plan.id}/goals/${workshop.id}#comment-${first.body.id}`,
    });
    expect(told[0]?.title).toContain('commented on “Run a workshop”');

    const reply = await call('self', 'POST', `${url}/comments`, {
      ...onWorkshop,
      parentId: first.body.id,
      body: 'Good idea!',
    });
    expect(reply.body).toMatchObject({ parentId: first.body.id, author: { isLearner: true } });
    // A reply to a reply joins the first comment's thread (one level).
    const deeper = await call('otherMember', 'POST', `${url}/comments`, {
      ...onWorkshop,
      parentId: reply.body.id,
      body: 'Glad to help',
    });
    expect(deeper.body.parentId).toBe(first.body.id);
    const toMentor = await notificationsOf('otherMember');
    expect(toMentor[0]).toMatchObject({
      kind: 'comment',
      link: `/orgs/${c.org.id}/shared/${plan.id}#comment-${reply.body.id}`,
    });

    for (const kind of ['self', 'otherMember'] as const) {
      const list = await call(kind, 'GET', `${url}/comments?targetKind=goal&targetId=${workshop.id}`);
      expect(list.body.comments.map((x: Json) => x.body)).toEqual([first.body.body, 'Good idea!', 'Glad to help']);
      expect(list.body.canCommentOn.goal).toEqual([workshop.id]);
    }
  });

  it('shows a person only the comments on what was shared with them, and lets read access only read', async () => {
    const { call, mine, url, onWorkshop, secret, reflection } = await conversation('read');
    await mine('POST', `${url}/comments`, { ...onWorkshop, body: 'Note to self on the workshop' });
    await mine('POST', `${url}/comments`, { targetKind: 'goal', targetId: secret.id, body: 'Private thoughts' });
    await mine('POST', `${url}/comments`, { targetKind: 'reflection', targetId: reflection.id, body: 'Why it worked' });

    const all = await call('otherMember', 'GET', `${url}/comments`);
    expect(all.body.comments.map((x: Json) => x.body)).toEqual(['Note to self on the workshop']);
    expect(all.body.canCommentOn).toEqual({ goal: [], reflection: [] });
    const posted = await call('otherMember', 'POST', `${url}/comments`, { ...onWorkshop, body: 'Can I?' });
    expect(posted.status).toBe(403);
    const unshared = await call('otherMember', 'GET', `${url}/comments?targetKind=goal&targetId=${secret.id}`);
    expect(unshared.status).toBe(404);
    expect((await call('self', 'GET', `${url}/comments`)).body.comments).toHaveLength(3);
    for (const kind of ['supervisor', 'admin', 'owner', 'outsider'] as const) {
      expect((await call(kind, 'GET', `${url}/comments`)).status, kind).toBe(404);
    }
  });

  it('ends with the share: a revoked share reads and writes nothing more', async () => {
    const { call, mine, url, onWorkshop, grant } = await conversation();
    await call('otherMember', 'POST', `${url}/comments`, { ...onWorkshop, body: 'Before' });
    await mine('DELETE', `${url}/grants/${grant.id}`);
    expect((await call('otherMember', 'GET', `${url}/comments`)).status).toBe(404);
    expect((await call('otherMember', 'POST', `${url}/comments`, { ...onWorkshop, body: 'After' })).status).toBe(404);
    expect((await call('self', 'GET', `${url}/comments`)).body.comments.map((x: Json) => x.body)).toEqual(['Before']);
  });

  it('takes a suggested wording into the plan when the learner accepts, with history; or sets it aside', async () => {
    const { call, url, onWorkshop, workshop, notificationsOf } = await conversation();
    const suggest = (field: string, text: string) =>
      call('otherMember', 'POST', `${url}/comments`, { ...onWorkshop, body: 'Sharper?', suggestion: { field, text } });
    const good = await suggest('what', 'Run a two-hour data workshop for ten colleagues');
    expect(good.body.suggestion).toMatchObject({ field: 'what', state: 'open', decidedAt: null });
    expect((await call('otherMember', 'POST', `${url}/comments/${good.body.id}/accept`)).status).toBe(403);

    const accepted = await call('self', 'POST', `${url}/comments/${good.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.suggestion.state).toBe('accepted');
    const goal = (await call('self', 'GET', `${url}/goals/${workshop.id}`)).body;
    expect(goal.what).toBe('Run a two-hour data workshop for ten colleagues');
    const history = (await call('self', 'GET', `${url}/revisions?entityId=${workshop.id}`)).body.revisions;
    expect(history[0]).toMatchObject({ action: 'update', changedFields: ['what'] });
    expect((await call('self', 'POST', `${url}/comments/${good.body.id}/accept`)).status).toBe(409);
    expect((await notificationsOf('otherMember'))[0]?.title).toContain('was accepted');

    const other = await suggest('how', 'Pair with Sam on the first one');
    const dismissed = await call('self', 'POST', `${url}/comments/${other.body.id}/dismiss`);
    expect(dismissed.body.suggestion.state).toBe('dismissed');
    expect((await call('self', 'GET', `${url}/goals/${workshop.id}`)).body.how).toBe('Shadow Sam');
  });

  it('refuses bad input with the field and the reason, and stores nothing', async () => {
    const { call, url, onWorkshop, workshop } = await conversation();
    const cases: [ActorKind, object, string][] = [
      ['otherMember', { ...onWorkshop, body: '   ' }, 'body'],
      ['otherMember', { ...onWorkshop, body: 'x'.repeat(5001) }, 'body'],
      ['otherMember', { targetKind: 'network', targetId: workshop.id, body: 'Hi' }, 'targetKind'],
      ['otherMember', { ...onWorkshop, body: 'Hi', parentId: 'nope' }, 'parentId'],
      [
        'otherMember',
        { ...onWorkshop, body: 'Hi', suggestion: { field: 'status', text: 'achieved' } },
        'suggestion.field',
      ],
      [
        'otherMember',
        { ...onWorkshop, body: 'Hi', suggestion: { field: 'what', text: 'x'.repeat(301) } },
        'suggestion.text',
      ],
      [
        'otherMember',
        { ...onWorkshop, body: 'Hi', suggestion: { field: 'what', text: 'Run a workshop' } },
        'suggestion.text',
      ],
      ['self', { ...onWorkshop, body: 'Hi', suggestion: { field: 'what', text: 'Better' } }, 'suggestion'],
    ];
    for (const [kind, payload, field] of cases) {
      const res = await call(kind, 'POST', `${url}/comments`, payload);
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields, field).toHaveProperty([field]);
    }
    expect((await call('self', 'GET', `${url}/comments`)).body.comments).toEqual([]);
  });

  it('lets authors reword their comments, and authors or the learner delete them; replies keep their place', async () => {
    const { call, url, onWorkshop } = await conversation();
    const first = await call('otherMember', 'POST', `${url}/comments`, { ...onWorkshop, body: 'Frist!' });
    const edited = await call('otherMember', 'PATCH', `${url}/comments/${first.body.id}`, { body: 'First!' });
    expect(edited.body).toMatchObject({ body: 'First!', html: '<p>First!</p>' });
    expect(edited.body.editedAt).not.toBeNull();
    expect((await call('self', 'PATCH', `${url}/comments/${first.body.id}`, { body: 'Mine now' })).status).toBe(403);

    const reply = await call('self', 'POST', `${url}/comments`, {
      ...onWorkshop,
      parentId: first.body.id,
      body: 'Thanks',
    });
    expect((await call('otherMember', 'DELETE', `${url}/comments/${reply.body.id}`)).status).toBe(403);
    expect((await call('self', 'DELETE', `${url}/comments/${first.body.id}`)).status).toBe(204);
    const list = (await call('otherMember', 'GET', `${url}/comments`)).body.comments;
    expect(list.map((x: Json) => [x.deleted, x.body])).toEqual([
      [true, ''],
      [false, 'Thanks'],
    ]);
    expect((await call('otherMember', 'PATCH', `${url}/comments/${first.body.id}`, { body: 'Back' })).status).toBe(404);
  });
});
