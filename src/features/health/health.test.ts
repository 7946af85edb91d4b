import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp();

describe('health and docs', () => {
  it('reports status, database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { state: 'ok' },
    });
  });

  it('serves an OpenAPI 3.1 document of every route and a docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/me', '/api/orgs/{orgId}/members/{memberId}', '/api/auth/sign-in']),
    );
    const signUp = doc.paths['/api/auth/sign-up'].post;
    expect(signUp.requestBody.content['application/json'].schema.required).toEqual(['name', 'email', 'password']);
    expect(Object.keys(signUp.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API paths with the error format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('readiness', async () => {
  const broken = await createTestApp();
  it('answers 503 when the database cannot be reached', async () => {
    expect((await broken.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    await broken.database.close();
    broken.database.close = async () => {};
    const res = await broken.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
  });
});

describe('readiness while the process leaves the rotation (SHUTDOWN_DELAY_MS after SIGTERM)', async () => {
  const leaving = await createTestApp();
  it('answers 503 on /api/ready and everything else as usual', async () => {
    leaving.ctx.leaving = true;
    const ready = await leaving.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json().error.code).toBe('unavailable');
    expect((await leaving.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await leaving.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
