import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-web-'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Waymark</title><div id="root"></div>');
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {})');
fs.writeFileSync(path.join(webRoot, 'manifest.webmanifest'), '{"name":"Waymark"}');
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

const t = await createTestApp({ webRoot });

describe('the single page', () => {
  it.each(['/', '/orgs/some-org/plans', '/index.html'])('%s carries the content security policy', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const policy = String(res.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('answers HEAD for a client-side route as GET would, without the page', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/orgs/some-org/plans' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toBe('');
  });

  it('leaves scripts and API answers without it (a policy governs documents; the API pays nothing for it)', async () => {
    const script = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-security-policy']).toBeUndefined();
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
    expect(api.headers['content-security-policy']).toBeUndefined();
  });

  it('lets the page install the app: its worker and manifest come from Waymark', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("manifest-src 'self'");
    const manifest = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/application\/manifest\+json/);
  });

  it('serves the service worker as a script, checked on every load, under a policy of its own', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    // A browser takes a new build's worker only if no cache hands it the old one.
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe("default-src 'self'; script-src 'none'");
  });
});
