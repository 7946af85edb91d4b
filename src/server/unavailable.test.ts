import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';

describe('a graceful shutdown', () => {
  it('answers requests still arriving in the one error shape with Retry-After', async () => {
    const t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
    });
    // A request half sent when SIGTERM arrives, finished while the server drains.
    socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
    const closed = t.app.close();
    await new Promise((r) => setTimeout(r, 100));
    socket.write('\r\n');
    await closed;
    await new Promise((r) => (socket.destroyed ? r(null) : socket.once('close', r)));
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(answer.toLowerCase()).toContain('retry-after: 5');
    expect(answer.toLowerCase()).toContain('connection: close');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ error: { code: 'unavailable', message: expect.stringContaining('restarting') } });
  });
});
