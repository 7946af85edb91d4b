import net from 'node:net';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';

const t = await createTestApp();

const errorShape = {
  error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S/) },
};

/** One raw HTTP request to the listening app; answers the status line and the parsed body. */
async function raw(port: number, request: string) {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (c) => chunks.push(c));
  socket.write(request);
  await new Promise((resolve) => socket.on('close', resolve));
  const text = Buffer.concat(chunks).toString();
  const [headText, body] = text.split('\r\n\r\n');
  return { status: Number(headText?.split(' ')[1]), head: headText as string, body: JSON.parse(body as string) };
}

describe("framework errors answer in the one error shape (were Fastify's own)", () => {
  it('malformed escapes, long path parameters, bad JSON, wrong media types, too large bodies', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const json = { ...self, 'content-type': 'application/json' };
    const cases: [string, InjectOptions, number, string][] = [
      ['bad escape', { method: 'GET', url: '/api/log/%ZZ', headers: self }, 400, 'validation'],
      ['bad escape, anonymous', { method: 'GET', url: '/api/posts/%E0%A4%A' }, 400, 'validation'],
      ['long parameter', { method: 'GET', url: `/api/posts/${'a'.repeat(120)}`, headers: self }, 414, 'validation'],
      ['bad JSON', { method: 'POST', url: '/api/log', headers: json, payload: '{"what":' }, 400, 'validation'],
      ['empty JSON', { method: 'POST', url: '/api/log', headers: json, payload: '' }, 400, 'validation'],
      [
        'prototype pollution',
        { method: 'POST', url: '/api/log', headers: json, payload: '{"__proto__":{"x":1}}' },
        400,
        'validation',
      ],
      [
        'media type',
        { method: 'POST', url: '/api/log', headers: { ...self, 'content-type': 'application/xml' }, payload: '<a/>' },
        415,
        'validation',
      ],
      [
        'too large',
        { method: 'POST', url: '/api/log', headers: json, payload: `{"what":"${'a'.repeat(1_100_000)}"}` },
        413,
        'too_large',
      ],
      ['no route', { method: 'GET', url: `/api/nothing?${'q'.repeat(5000)}` }, 404, 'not_found'],
    ];
    for (const [what, request, status, code] of cases) {
      const res = await t.app.inject(request);
      expect(res.statusCode, what).toBe(status);
      expect(res.json(), what).toEqual({ error: { code, message: expect.stringMatching(/\S/) } });
      expect(res.json().error.message, what).not.toMatch(/FST_|'\/api/);
    }
  });

  it('a query string or headers over 16 KB, refused by the HTTP parser', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const longQuery = await raw(port, `GET /api/search?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longQuery.status).toBe(431);
    expect(longQuery.head.toLowerCase()).toContain('content-type: application/json');
    expect(longQuery.body).toEqual({ error: { code: 'too_large', message: expect.stringContaining('16 KB') } });

    const garbage = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject(errorShape);
  });
});
