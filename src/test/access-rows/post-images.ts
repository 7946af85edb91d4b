import type { ActorKind, Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, type Row } from '../matrix-kit.js';
import { multipart, pngBytes } from '../multipart.js';

/** An image uploaded by `self`, shown in a post for the supervisor only when `inPost`. */
async function imageOf(c: Cast, t: TestApp, inPost: boolean) {
  const headers = c.as('self') as Record<string, string>;
  const body = await multipart({}, { name: 'chart.png', type: 'image/png', bytes: pngBytes() });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/posts/images?orgId=${c.org.id}`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  const image = res.json() as { url: string; markdown: string };
  if (inPost) {
    await t.call('POST', '/api/posts', headers, {
      organizationId: c.org.id,
      body: image.markdown,
      visibility: 'people',
      audience: [c.members.supervisor.id],
    });
  }
  return image.url;
}

const only = (...kinds: ActorKind[]) => ({
  ...everyone(404),
  anonymous: 401,
  ...Object.fromEntries(kinds.map((k) => [k, 200])),
});

/** Post images: uploaded by members; seen by the uploader, then by whoever may see the post showing them. */
export const rows: Row[] = [
  {
    route: 'POST /api/posts/images',
    request: async (c) => {
      const body = await multipart({}, { name: 'chart.png', type: 'image/png', bytes: pngBytes() });
      return {
        method: 'POST',
        url: `/api/posts/images?orgId=${c.org.id}`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    expect: orgScoped(201),
  },
  {
    route: 'GET /api/posts/images/:imageId',
    request: async (c, t) => ({ method: 'GET', url: await imageOf(c, t, true) }),
    expect: only('self', 'supervisor'),
  },
  {
    route: 'GET /api/posts/images/:imageId (not in a post yet)',
    request: async (c, t) => ({ method: 'GET', url: await imageOf(c, t, false) }),
    expect: only('self'),
  },
];
