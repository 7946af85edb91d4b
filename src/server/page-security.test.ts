import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-web-'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Waymark</title><div id="root"></div>');
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
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
});
