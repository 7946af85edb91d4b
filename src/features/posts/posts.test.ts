import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';

const t = await createTestApp();

async function organisation() {
  const c = await createCast(t);
  const call = (kind: ActorKind, method: string, url: string, payload?: object) =>
    t.call(method, url, c.as(kind) as Record<string, string>, payload);
  const ok = async (kind: ActorKind, method: string, url: string, payload?: object) => {
    const res = await call(kind, method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = (kind: ActorKind, payload: object) =>
    ok(kind, 'POST', '/api/posts', { organizationId: c.org.id, ...payload });
  const feed = async (kind: ActorKind, query = '') =>
    ((await ok(kind, 'GET', `/api/feed?orgId=${c.org.id}${query}`)).posts as Json[]).map((p) => p.title);
  /** The titles of every page of the feed, `limit` posts a page, following each page's cursor. */
  const everyPage = async (kind: ActorKind, limit: number) => {
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await ok(
        kind,
        'GET',
        `/api/feed?orgId=${c.org.id}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      titles.push(...page.posts.map((p: Json) => p.title));
      cursor = page.nextCursor;
    } while (cursor);
    return titles;
  };
  return { c, call, ok, post, feed, everyPage };
}

describe('posts and the feed', () => {
  it('shows each post exactly to whom it is for: only me, chosen people, a community, everyone', async () => {
    const { c, ok, call, post, feed } = await organisation();
    const circle = await ok('otherMember', 'POST', '/api/communities', {
      organizationId: c.org.id,
      name: 'Data clinic',
      topic: 'data literacy',
    });
    await ok('self', 'POST', `/api/communities/${circle.id}/join`);
    const mine = await post('self', { title: 'Private', body: 'Just for me', visibility: 'private' });
    await post('self', { title: 'For Ada', body: 'Hi', visibility: 'people', audience: [c.members.supervisor.id] });
    await post('self', { title: 'Clinic', body: 'Notes', visibility: 'community', communityId: circle.id });
    await post('self', { title: 'Everyone', body: '**Pivot** tables', visibility: 'organization', topics: ['Excel'] });

    expect(await feed('self')).toEqual(['Everyone', 'Clinic', 'For Ada', 'Private']);
    expect(await feed('supervisor')).toEqual(['Everyone', 'For Ada']);
    expect(await feed('otherMember')).toEqual(['Everyone', 'Clinic']);
    // L&D admins and owners see no more than anyone else.
    expect(await feed('admin')).toEqual(['Everyone']);
    expect(await feed('owner')).toEqual(['Everyone']);
    expect((await call('outsider', 'GET', `/api/feed?orgId=${c.org.id}`)).status).toBe(404);
    expect((await call('admin', 'GET', `/api/posts/${mine.id}`)).status).toBe(404);
    expect((await call('outsider', 'GET', `/api/posts/${mine.id}`)).status).toBe(404);

    // Leaving the community ends seeing its posts.
    await ok('otherMember', 'POST', `/api/communities/${circle.id}/leave`);
    expect(await feed('otherMember')).toEqual(['Everyone']);
    expect(await feed('self', `&communityId=${circle.id}`)).toEqual(['Clinic']);
  });

  it('renders Markdown safely and keeps the author’s links to their plan to the author', async () => {
    const { c, ok, post } = await organisation();
    const written = await post('self', {
      title: 'Safe',
      body: 'Hello <img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold**',
      visibility: 'organization',
    });
    expect(written.html).toContain('<strong>bold</strong>');
    // The typed tag is shown as text; no tag of the result carries a handler, an image or a script address.
    expect(written.html.match(/<[^>]*>/g)?.join(' ')).not.toMatch(/onerror|javascript:|<img/i);
    expect(written.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const seen = await ok('otherMember', 'GET', `/api/posts/${written.id}`);
    expect(seen).toMatchObject({ mine: false, audience: null, source: null, goal: null });
    expect(seen.author.memberId).toBe(c.members.self.id);
  });

  it('pages the feed by keyset without gaps or repeats, and filters by author and topic', async () => {
    const { c, post, ok, everyPage } = await organisation();
    for (let i = 1; i <= 7; i++) {
      await post(i % 2 ? 'self' : 'otherMember', {
        title: `Post ${i}`,
        body: 'x',
        visibility: 'organization',
        topics: i % 3 === 0 ? ['SQL'] : [],
      });
    }
    expect(await everyPage('supervisor', 3)).toEqual([
      'Post 7',
      'Post 6',
      'Post 5',
      'Post 4',
      'Post 3',
      'Post 2',
      'Post 1',
    ]);
    const bySelf = await ok('supervisor', 'GET', `/api/feed?orgId=${c.org.id}&authorMemberId=${c.members.self.id}`);
    expect(bySelf.posts.map((p: Json) => p.title)).toEqual(['Post 7', 'Post 5', 'Post 3', 'Post 1']);
    const bySql = await ok('supervisor', 'GET', `/api/feed?orgId=${c.org.id}&topic=sql`);
    expect(bySql.posts.map((p: Json) => p.title)).toEqual(['Post 6', 'Post 3']);
  });

  it('pages posts written within one millisecond without losing any (PostgreSQL keeps microseconds)', async () => {
    const { post, everyPage } = await organisation();
    const written = [];
    for (let i = 1; i <= 4; i++)
      written.push(await post('self', { title: `Same ms ${i}`, body: 'x', visibility: 'organization' }));
    // As a busy server writes them: four instants inside one millisecond, which a JS Date cannot tell apart.
    for (const [i, p] of written.entries()) {
      await t.db.execute(sql`update post set created_at = ${`2026-03-01T09:00:00.000${i + 1}00Z`}::timestamptz
        where id = ${p.id}`);
    }
    expect(await everyPage('otherMember', 1)).toEqual(['Same ms 4', 'Same ms 3', 'Same ms 2', 'Same ms 1']);
  });

  it('shows every change at once, though feed pages are cached: posts, reactions, comments, edits, deletions', async () => {
    const { c, ok, post } = await organisation();
    const first = async (kind: ActorKind) =>
      ((await ok(kind, 'GET', `/api/feed?orgId=${c.org.id}`)).posts as Json[])[0];
    const p = await post('self', { title: 'One', body: 'x', visibility: 'organization' });
    expect((await first('otherMember'))?.title).toBe('One');
    await ok('supervisor', 'PUT', `/api/posts/${p.id}/reactions/like`);
    expect((await first('otherMember'))?.reactions.like).toBe(1);
    await ok('supervisor', 'POST', `/api/posts/${p.id}/comments`, { body: 'Nice' });
    expect((await first('otherMember'))?.commentCount).toBe(1);
    await ok('self', 'PATCH', `/api/posts/${p.id}`, { title: 'One, edited' });
    expect((await first('otherMember'))?.title).toBe('One, edited');
    await post('self', { title: 'Two', body: 'x', visibility: 'organization' });
    expect((await first('otherMember'))?.title).toBe('Two');
    await ok('self', 'DELETE', `/api/posts/${p.id}`);
    expect((await ok('otherMember', 'GET', `/api/feed?orgId=${c.org.id}`)).posts.map((x: Json) => x.title)).toEqual([
      'Two',
    ]);
  });

  it('follows people and topics into a "following" view', async () => {
    const { c, ok, post, feed } = await organisation();
    await post('self', { title: 'By self', body: 'x', visibility: 'organization' });
    await post('otherMember', { title: 'On SQL', body: 'x', visibility: 'organization', topics: ['SQL'] });
    await post('otherMember', { title: 'Other', body: 'x', visibility: 'organization' });
    await ok('supervisor', 'PUT', '/api/follows', { orgId: c.org.id, kind: 'member', target: c.members.self.id });
    await ok('supervisor', 'PUT', '/api/follows', { orgId: c.org.id, kind: 'topic', target: 'sql' });
    expect(await feed('supervisor', '&view=following')).toEqual(['On SQL', 'By self']);
    const left = await ok('supervisor', 'DELETE', '/api/follows', { orgId: c.org.id, kind: 'topic', target: 'SQL' });
    expect(left.follows).toEqual([{ kind: 'member', target: c.members.self.id, name: expect.any(String) }]);
    expect(await feed('supervisor', '&view=following')).toEqual(['By self']);
  });

  it('reacts and comments only where the post can be seen, and tells the author', async () => {
    const { c, ok, call, post } = await organisation();
    const open = await post('self', { title: 'Open', body: 'x', visibility: 'organization' });
    const closed = await post('self', {
      title: 'Closed',
      body: 'x',
      visibility: 'people',
      audience: [c.members.supervisor.id],
    });
    const liked = await ok('otherMember', 'PUT', `/api/posts/${open.id}/reactions/insightful`);
    expect(liked).toMatchObject({ reactions: { like: 0, insightful: 1, thanks: 0 }, myReactions: ['insightful'] });
    const comment = await ok('otherMember', 'POST', `/api/posts/${open.id}/comments`, { body: 'Nice _one_' });
    expect(comment).toMatchObject({ html: '<p>Nice <em>one</em></p>', mine: true });
    const told = (await ok('self', 'GET', '/api/notifications')).notifications as Json[];
    expect(told[0]).toMatchObject({
      kind: 'post_comment',
      link: `/orgs/${c.org.id}/posts/${open.id}#comment-${comment.id}`,
    });
    expect((await ok('self', 'GET', `/api/posts/${open.id}`)).commentCount).toBe(1);

    for (const [method, url, payload] of [
      ['PUT', `/api/posts/${closed.id}/reactions/like`, undefined],
      ['GET', `/api/posts/${closed.id}/comments`, undefined],
      ['POST', `/api/posts/${closed.id}/comments`, { body: 'Sneaky' }],
    ] as const) {
      expect((await call('otherMember', method, url, payload)).status, `${method} ${url}`).toBe(404);
    }
    expect((await call('self', 'DELETE', `/api/posts/${open.id}/comments/${comment.id}`)).status).toBe(204);
  });

  it('makes a post from the author’s own log entry, and one for a sharing commitment marks it done', async () => {
    const { c, ok, call, post } = await organisation();
    const entry = await ok('self', 'POST', '/api/log', {
      organizationId: c.org.id,
      what: 'Pivot tables group by month',
    });
    const fromLog = await post('self', {
      body: entry.what,
      visibility: 'organization',
      source: { kind: 'log', id: entry.id },
    });
    expect(fromLog.source).toEqual({ kind: 'log', id: entry.id });
    const notMine = await call('otherMember', 'POST', '/api/posts', {
      organizationId: c.org.id,
      body: 'x',
      visibility: 'organization',
      source: { kind: 'log', id: entry.id },
    });
    expect(notMine.body.error.fields).toHaveProperty(['source.id']);

    const plan = await ok('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
    const goal = await ok('self', 'POST', `/api/plans/${plan.id}/goals`, { what: 'Run a workshop' });
    const share = await ok('self', 'POST', `/api/plans/${plan.id}/shares`, {
      goalId: goal.id,
      how: 'post',
      cadence: 'monthly',
    });
    const forShare = await post('self', {
      title: 'Workshop notes',
      body: 'How it went',
      visibility: 'organization',
      shareCommitmentId: share.id,
    });
    expect(forShare.goal).toEqual({ planId: plan.id, goalId: goal.id });
    const after = await ok('self', 'GET', `/api/plans/${plan.id}/shares/${share.id}`);
    expect(after.records).toHaveLength(1);
    expect(after.records[0].link).toContain(`/posts/${forShare.id}`);
  });

  it('writes the post and the commitment it completes in one transaction: neither if the second fails', async () => {
    const { c, call, ok } = await organisation();
    const plan = await ok('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
    const goal = await ok('self', 'POST', `/api/plans/${plan.id}/goals`, { what: 'Give a talk' });
    const share = await ok('self', 'POST', `/api/plans/${plan.id}/shares`, {
      goalId: goal.id,
      how: 'talk',
      cadence: 'once',
    });
    // The commitment goes away the moment the post is written (as if deleted in another tab meanwhile): the
    // second part, recording it as done, fails after the first has written.
    const fn = `vanish_${share.id.replaceAll('-', '')}`;
    await t.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
        delete from plan_share where id = '${share.id}'; return new; end $$`),
    );
    await t.db.execute(
      sql.raw(`create trigger ${fn} after insert on post for each row
        when (new.share_commitment_id = '${share.id}') execute function ${fn}()`),
    );
    try {
      const res = await call('self', 'POST', '/api/posts', {
        organizationId: c.org.id,
        title: 'My talk',
        body: 'Slides and notes',
        visibility: 'organization',
        shareCommitmentId: share.id,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/Sharing commitment/);
    } finally {
      await t.db.execute(sql.raw(`drop trigger ${fn} on post`));
      await t.db.execute(sql.raw(`drop function ${fn}()`));
    }
    const mine = await ok('self', 'GET', `/api/feed?orgId=${c.org.id}&view=mine`);
    expect(mine.posts).toHaveLength(0);
    // Rolled back with it: the commitment is still there, with no record.
    const kept = await ok('self', 'GET', `/api/plans/${plan.id}/shares/${share.id}`);
    expect(kept.records).toHaveLength(0);
  });

  it('refuses bad input with the field and the reason', async () => {
    const { c, call, ok } = await organisation();
    const circle = await ok('otherMember', 'POST', '/api/communities', {
      organizationId: c.org.id,
      name: 'Readers',
      topic: 'reading',
    });
    const cases: [object, string][] = [
      [{ body: '', visibility: 'organization' }, 'body'],
      [{ body: 'x', visibility: 'everyone' }, 'visibility'],
      [{ body: 'x', visibility: 'community' }, 'communityId'],
      [{ body: 'x', visibility: 'community', communityId: circle.id }, 'communityId'],
      [{ body: 'x', visibility: 'people' }, 'audience'],
      [{ body: 'x', visibility: 'people', audience: [c.members.outsider.id] }, 'audience'],
      [{ body: 'x', visibility: 'organization', shareCommitmentId: 'nope' }, 'shareCommitmentId'],
      [{ body: 'x', visibility: 'organization', topics: Array(11).fill('t') }, 'topics'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('self', 'POST', '/api/posts', { organizationId: c.org.id, ...payload });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields, field).toHaveProperty([field]);
    }
    const dup = await call('self', 'POST', '/api/communities', {
      organizationId: c.org.id,
      name: 'readers',
      topic: 'x y',
    });
    expect(dup.status).toBe(409);
    expect((await ok('self', 'GET', `/api/feed?orgId=${c.org.id}`)).posts).toEqual([]);
  });
});
