import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { multipart, pngBytes } from '../../test/multipart.js';

const t = await createTestApp();

describe('a programme’s cover', () => {
  it('is a checked PNG, JPEG or WebP, served to organisers and hidden from learners while a draft', async () => {
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    const p = await t.callOk('POST', `/api/orgs/${c.org.id}/programmes`, admin, { title: 'Covers' });
    const put = async (file: { name: string; type: string; bytes: Buffer }) => {
      const body = await multipart({}, file);
      return t.app.inject({
        method: 'PUT',
        url: `/api/programmes/${p.id}/cover`,
        headers: { ...admin, ...body.headers },
        payload: body.payload,
      });
    };
    const gif = await put({ name: 'cover.gif', type: 'image/gif', bytes: Buffer.from('GIF89a....') });
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.fields.file).toBe('A cover is a PNG, JPEG or WebP image.');
    const fake = await put({ name: 'cover.png', type: 'image/png', bytes: Buffer.from('<svg onload=alert(1)>') });
    expect(fake.statusCode).toBe(400);
    expect((await put({ name: 'big.png', type: 'image/png', bytes: pngBytes(2 * 1024 * 1024 + 1) })).statusCode).toBe(
      413,
    );

    const ok = await put({ name: 'cover.png', type: 'image/png', bytes: pngBytes() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasCover).toBe(true);
    const asAdmin = await t.app.inject({ method: 'GET', url: `/api/programmes/${p.id}/cover`, headers: admin });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.headers['content-type']).toBe('image/png');
    const learner = c.as('self') as Record<string, string>;
    expect((await t.call('GET', `/api/programmes/${p.id}/cover`, learner)).status).toBe(404);
  });
});
