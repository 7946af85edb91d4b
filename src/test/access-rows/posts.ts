import type { ActorKind, Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, type Row } from '../matrix-kit.js';

type Visibility = 'private' | 'people' | 'organization';

/**
 * A post by `self`: private, for the supervisor only ('people'), or for the whole organisation; with a
 * comment by `self` on it.
 */
async function postOf(c: Cast, t: TestApp, visibility: Visibility = 'organization') {
  const as = c.as('self') as Record<string, string>;
  const res = await t.call('POST', '/api/posts', as, {
    organizationId: c.org.id,
    title: 'Pivot tables',
    body: 'They group dates by month.',
    visibility,
    ...(visibility === 'people' && { audience: [c.members.supervisor.id] }),
  });
  if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
  const url = `/api/posts/${res.body.id}`;
  const comment = await t.call('POST', `${url}/comments`, as, { body: 'Also by quarter.' });
  return { url, commentId: comment.body.id as string };
}

/** Who sees a post of each visibility: anyone else gets 404 (anonymous 401). */
const seers: Record<Visibility, ActorKind[]> = {
  private: ['self'],
  people: ['self', 'supervisor'],
  organization: ['self', 'otherMember', 'supervisor', 'admin', 'owner'],
};
const seenBy = (visibility: Visibility, ok: number) => ({
  ...everyone(404),
  anonymous: 401,
  ...Object.fromEntries(seers[visibility].map((k) => [k, ok])),
});
/** Only the author of an organisation-wide post; everyone who sees it gets 403. */
const authorOnly = (ok: number) => ({ ...seenBy('organization', 403), self: ok });

const suffix = (v: Visibility) => (v === 'organization' ? '' : ` (${v} post)`);

/** Posts, reactions, comments and follows, for every visibility: nobody reaches what they cannot see. */
export const rows: Row[] = [
  {
    route: 'GET /api/feed',
    request: (c) => ({ method: 'GET', url: `/api/feed?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/posts',
    request: (c) => ({
      method: 'POST',
      url: '/api/posts',
      payload: { organizationId: c.org.id, body: 'Learned today', visibility: 'organization' },
    }),
    expect: orgScoped(201),
  },
  ...(['organization', 'people', 'private'] as const).flatMap((v): Row[] => [
    {
      route: `GET /api/posts/:postId${suffix(v)}`,
      request: async (c, t) => ({ method: 'GET', url: (await postOf(c, t, v)).url }),
      expect: seenBy(v, 200),
    },
    {
      route: `PUT /api/posts/:postId/reactions/:kind${suffix(v)}`,
      request: async (c, t) => ({ method: 'PUT', url: `${(await postOf(c, t, v)).url}/reactions/like` }),
      expect: seenBy(v, 200),
    },
    {
      route: `GET /api/posts/:postId/comments${suffix(v)}`,
      request: async (c, t) => ({ method: 'GET', url: `${(await postOf(c, t, v)).url}/comments` }),
      expect: seenBy(v, 200),
    },
    {
      route: `POST /api/posts/:postId/comments${suffix(v)}`,
      request: async (c, t) => ({
        method: 'POST',
        url: `${(await postOf(c, t, v)).url}/comments`,
        payload: { body: 'Nice' },
      }),
      expect: seenBy(v, 201),
    },
  ]),
  {
    route: 'DELETE /api/posts/:postId/reactions/:kind',
    request: async (c, t) => ({ method: 'DELETE', url: `${(await postOf(c, t)).url}/reactions/like` }),
    expect: seenBy('organization', 200),
  },
  {
    route: 'PATCH /api/posts/:postId',
    request: async (c, t) => ({ method: 'PATCH', url: (await postOf(c, t)).url, payload: { title: 'Changed' } }),
    expect: authorOnly(200),
  },
  {
    route: 'DELETE /api/posts/:postId',
    request: async (c, t) => ({ method: 'DELETE', url: (await postOf(c, t)).url }),
    expect: authorOnly(204),
  },
  {
    // The post's author may remove any comment on it; others may remove only their own.
    route: 'DELETE /api/posts/:postId/comments/:commentId',
    request: async (c, t) => {
      const { url, commentId } = await postOf(c, t);
      return { method: 'DELETE', url: `${url}/comments/${commentId}` };
    },
    expect: authorOnly(204),
  },
  {
    route: 'GET /api/follows',
    request: (c) => ({ method: 'GET', url: `/api/follows?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  ...(['PUT', 'DELETE'] as const).map(
    (method): Row => ({
      route: `${method} /api/follows`,
      request: (c) => ({ method, url: '/api/follows', payload: { orgId: c.org.id, kind: 'topic', target: 'sql' } }),
      expect: orgScoped(200),
    }),
  ),
];
