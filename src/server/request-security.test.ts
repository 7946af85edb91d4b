import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../features/settings/unsubscribe-token.js';
import { createCast } from '../test/actors.js';
import { createTestApp, TEST_SECRET } from '../test/app.js';

const t = await createTestApp();
const own = 'http://localhost:3000';

describe('state-changing requests from another site', () => {
  it('are refused with a session cookie, whichever route and body (was: a text/plain form wrote)', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const post = (url: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...self, 'content-type': 'text/plain', ...headers },
        payload: '',
      });
    const origins: Record<string, string>[] = [
      { origin: 'http://evil.test' },
      { origin: 'http://localhost:3001' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://evil.test' },
      // Another port of the same host: SameSite=Lax cookies go along.
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const from of origins) {
      const res = await post('/api/calendar/feed', from);
      expect(res.statusCode, JSON.stringify(from)).toBe(403);
      expect(res.json().error).toEqual({ code: 'forbidden', message: expect.stringContaining('another site') });
    }
    // Nothing was made: the feed is still off, and the person still signed in.
    expect((await t.call('GET', '/api/settings', self)).body).toMatchObject({ hasCalendarFeed: false });
    expect((await post('/api/auth/sign-out', { origin: 'http://evil.test' })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/me', self)).status).toBe(200);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/calendar/feed',
      headers: { ...self, origin: 'http://evil.test' },
    });
    expect(deleted.statusCode).toBe(403);
  });

  it('pass from Waymark itself, from API clients, and without a session', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const make = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/calendar/feed', headers: { ...self, ...headers } });
    expect((await make({ origin: own })).statusCode).toBe(201);
    expect((await make({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' })).statusCode).toBe(201);
    // An API client (curl, a script) says nothing about where it comes from.
    expect((await make({})).statusCode).toBe(201);
    // Reads are never refused; without a session there is nothing to forge (anonymous answers as usual).
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { ...self, origin: 'http://evil.test' },
    });
    expect(read.statusCode).toBe(200);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/feed',
      headers: { origin: 'http://evil.test' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('one-click unsubscribe from a mail program works, cookie or not (RFC 8058: the token authorises it)', async () => {
    const c = await createCast(t);
    const token = unsubscribeToken(TEST_SECRET, c.people.self.id, 'checkin_due');
    for (const headers of [{ origin: 'https://mail.example' }, { ...c.as('self'), 'sec-fetch-site': 'cross-site' }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/unsubscribe?token=${token}`,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it("exempts SAML's assertion consumer service alone: the provider posts it from its own site", async () => {
    const c = await createCast(t);
    const crossSite = { ...c.as('self'), 'sec-fetch-site': 'cross-site', origin: 'https://idp.example' };
    const acs = await t.app.inject({
      method: 'POST',
      url: `/api/sso/saml/${randomUUID()}/acs`,
      headers: { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D',
    });
    // Not the hook's 403: the ACS itself answers, here with the error page (no such connection).
    expect(acs.statusCode).toBe(303);
    expect(acs.headers.location).toBe('/sso/error?problem=not_configured');
    const setUp = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${c.org.id}/sso/saml`,
      headers: crossSite,
      payload: { metadataXml: '<x/>' },
    });
    expect(setUp.statusCode).toBe(403);
  });
});

describe('response headers', () => {
  it('nosniff on every answer, no-store on personal answers unless the route chose its own caching', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    for (const [url, headers] of [
      ['/api/me', self],
      ['/api/notifications', self],
      ['/api/nothing', {}],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.people.self.email, password: 'learning-out-loud' },
    });
    expect(signIn.headers['cache-control']).toBe('no-store');
    const feed = await t.callOk('POST', '/api/calendar/feed', self);
    const ics = await t.app.inject({ method: 'GET', url: new URL(feed.url).pathname });
    // The feed keeps its own: calendar apps may keep a copy but ask again each time (ETag).
    expect(ics.headers['cache-control']).toBe('private, no-cache');
    expect(ics.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the API docs page has a content security policy and cannot be framed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('source maps', () => {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Waymark</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webRoot, 'assets', 'index.js.map'), '{"version":3,"sources":["secret.tsx"]}');
  const production = createTestApp({
    webRoot,
    // SMTP_URL only so a production configuration is accepted; the test's capturing mailer sends.
    env: { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' },
  });

  it('are not served in production; the bundles are', async () => {
    const p = await production;
    expect((await p.app.inject({ method: 'GET', url: '/assets/index.js' })).statusCode).toBe(200);
    const map = await p.app.inject({ method: 'GET', url: '/assets/index.js.map' });
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain('secret.tsx');
    fs.rmSync(webRoot, { recursive: true, force: true });
  });
});

describe('the built web app', () => {
  // As `npm run build` leaves it (vite.config.ts): hashed assets, each also brotli- and gzip-compressed.
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-web-'));
  const script = `console.log(${JSON.stringify('Waymark '.repeat(400))})`;
  const page = `<!doctype html><title>Waymark</title><script src="/assets/index-Ab12Cd34.js"></script>${' '.repeat(2000)}`;
  fs.mkdirSync(path.join(webRoot, 'assets'));
  for (const [file, text] of [
    ['index.html', page],
    ['assets/index-Ab12Cd34.js', script],
  ] as const) {
    fs.writeFileSync(path.join(webRoot, file), text);
    fs.writeFileSync(path.join(webRoot, `${file}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(webRoot, `${file}.gz`), zlib.gzipSync(text));
  }
  const served = createTestApp({ webRoot });
  const get = async (url: string, encoding?: string) =>
    (await served).app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
  afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

  it('sends the compressed file the browser accepts, brotli first, else the plain one', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers.vary).toContain('accept-encoding');
    const gzip = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('lets browsers keep hashed assets for a year and asks them to check the page every time', async () => {
    expect((await get('/assets/index-Ab12Cd34.js', 'br')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const url of ['/', '/index.html', '/orgs/some-org/plans']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(page);
    }
  });
});
