import { describe, expect, it } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { multipart, pngBytes } from '../../test/multipart.js';
import { POST_IMAGE_MAX_BYTES } from './post-images.service.js';

const t = await createTestApp();

async function organisation() {
  const c = await createCast(t);
  const headers = (kind: ActorKind) => c.as(kind) as Record<string, string>;
  const upload = async (kind: ActorKind, file: { name: string; type: string; bytes: Buffer }) => {
    const body = await multipart({}, file);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/posts/images?orgId=${c.org.id}`,
      headers: { ...headers(kind), ...body.headers },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const see = async (kind: ActorKind, url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: headers(kind) })).statusCode;
  return { c, headers, upload, see };
}

describe('images in posts', () => {
  it('shows an uploaded image to its uploader, then to whoever may see the post that shows it', async () => {
    const { c, upload, see, headers } = await organisation();
    const image = await upload('self', { name: 'whiteboard.png', type: 'image/png', bytes: pngBytes() });
    expect(image.status).toBe(201);
    expect(image.body.markdown).toBe(`![whiteboard](${image.body.url})`);
    expect(await see('self', image.body.url)).toBe(200);
    expect(await see('supervisor', image.body.url)).toBe(404);

    const post = await t.call('POST', '/api/posts', headers('self'), {
      organizationId: c.org.id,
      body: `Our session:\n\n${image.body.markdown}`,
      visibility: 'people',
      audience: [c.members.supervisor.id],
    });
    expect(post.body.html).toContain(`<img src="${image.body.url}" alt="whiteboard" />`);
    const res = await t.app.inject({ method: 'GET', url: image.body.url, headers: headers('supervisor') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const kind of ['otherMember', 'admin', 'owner', 'outsider'] as const) {
      expect(await see(kind, image.body.url), kind).toBe(404);
    }
    expect(await see('anonymous', image.body.url)).toBe(401);
  });

  it('refuses what is not an image, a fake one, an empty or too large one, naming the field', async () => {
    const { upload } = await organisation();
    const cases: [{ name: string; type: string; bytes: Buffer }, number][] = [
      [{ name: 'notes.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') }, 400],
      [{ name: 'fake.png', type: 'image/png', bytes: Buffer.from('<script>alert(1)</script>') }, 400],
      [{ name: 'empty.png', type: 'image/png', bytes: Buffer.alloc(0) }, 400],
      [{ name: 'huge.png', type: 'image/png', bytes: pngBytes(POST_IMAGE_MAX_BYTES + 1) }, 413],
    ];
    for (const [file, status] of cases) {
      const res = await upload('self', file);
      expect(res.status, file.name).toBe(status);
      expect(res.body.error.fields, file.name).toHaveProperty('file');
    }
  });
});
