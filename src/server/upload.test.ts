import { describe, expect, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';
import { planOfSelf } from '../test/matrix-kit.js';
import { multipart, pngBytes } from '../test/multipart.js';
import { storedKeys } from '../test/stored-files.js';

const t = await createTestApp();

/** Every file stored for the organisation's post images and the plan's evidence, partial ones included. */
const storedFiles = async (orgId: string, planUrl: string) => {
  const keys = [
    ...(await storedKeys(t.ctx, `post-images/${orgId}/`)),
    ...(await storedKeys(t.ctx, `evidence/${planUrl.split('/').pop()}/`)),
  ];
  return [...new Set(keys)];
};

const head = (name: string, field = 'file') =>
  `--XX\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`;
const boundary = { 'content-type': 'multipart/form-data; boundary=XX' };

/** Broken bodies a client can send, each with its content type. */
const brokenBodies: [string, Record<string, string>, Buffer][] = [
  [
    'a NUL in the file name',
    boundary,
    Buffer.concat([Buffer.from(head('a\u0000.png')), pngBytes(), Buffer.from('\r\n--XX--\r\n')]),
  ],
  ['no boundary', { 'content-type': 'multipart/form-data' }, Buffer.concat([Buffer.from(head('a.png')), pngBytes()])],
  ['a body cut short in the file', boundary, Buffer.concat([Buffer.from(head('a.png')), pngBytes(5000)])],
  ['a body cut short in the headers', boundary, Buffer.from('--XX\r\nContent-Disposition: form-da')],
  ['only the closing boundary', boundary, Buffer.from('--XX--\r\n')],
  [
    'a NUL in a field',
    boundary,
    Buffer.concat([
      Buffer.from('--XX\r\nContent-Disposition: form-data; name="title"\r\n\r\nMy\u0000title\r\n'),
      Buffer.from(head('a.png')),
      pngBytes(),
      Buffer.from('\r\n--XX--\r\n'),
    ]),
  ],
];

describe('broken uploads answer 400 naming the file, and store nothing (were 500s)', () => {
  it('for post images and evidence files', async () => {
    const c = await createCast(t);
    const plan = await planOfSelf(c, t);
    const urls = [`/api/posts/images?orgId=${c.org.id}`, `${plan.url}/goals/${plan.ids.goals}/evidence/files`];
    for (const url of urls) {
      for (const [what, headers, payload] of brokenBodies) {
        const res = await t.app.inject({ method: 'POST', url, headers: { ...c.as('self'), ...headers }, payload });
        expect(res.statusCode, `${what} at ${url}`).toBe(400);
        expect(res.json().error.code).toBe('validation');
        expect(Object.keys(res.json().error.fields), what).toEqual([what.includes('field') ? 'title' : 'file']);
      }
    }
    expect(await storedFiles(c.org.id, plan.url)).toEqual([]);
    const evidence = await t.callOk(
      'GET',
      `${plan.url}/goals/${plan.ids.goals}/evidence`,
      c.as('self') as Record<string, string>,
    );
    expect(evidence.evidence ?? evidence).toHaveLength(0);

    // A whole upload still works.
    const good = await multipart({ title: 'Whiteboard' }, { name: 'board.png', type: 'image/png', bytes: pngBytes() });
    const res = await t.app.inject({
      method: 'POST',
      url: urls[1] as string,
      headers: { ...c.as('self'), ...good.headers },
      payload: good.payload,
    });
    expect(res.statusCode).toBe(201);
    expect(await storedFiles(c.org.id, plan.url)).toHaveLength(1);
  });
});
