import http from 'node:http';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evidence } from '../../db/schema/index.js';
import { type Cast, createCast } from '../../test/actors.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/multipart.js';
import { storedKeys } from '../../test/stored-files.js';

const MAX = 4096;
// Every test runs against both file stores, the apps sharing one database.
const onDisk = await createTestApp({ env: { EVIDENCE_MAX_BYTES: String(MAX), FILE_STORE: 'disk' } });
const inDatabase = await createTestApp({
  env: { EVIDENCE_MAX_BYTES: String(MAX), FILE_STORE: 'database' },
  instanceOf: onDisk,
});
// Another instance of the deployment that keeps files in the database.
const otherInstance = await createTestApp({
  env: { EVIDENCE_MAX_BYTES: String(MAX), FILE_STORE: 'database' },
  instanceOf: inDatabase,
});

const PDF = Buffer.from('%PDF-1.4\n% workshop slides\n1 0 obj << >> endobj\n%%EOF\n');

type UploadFile = { name: string; type: string; bytes: Buffer };

async function goalOfSelfOn(app: TestApp['app'], c: Cast) {
  const plan = await app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: c.as('self'),
    payload: { organizationId: c.org.id, cycle: '2027' },
  });
  const planUrl = `/api/plans/${plan.json().id}`;
  const goal = await app.inject({
    method: 'POST',
    url: `${planUrl}/goals`,
    headers: c.as('self'),
    payload: { what: 'Run a cataloguing workshop' },
  });
  return { planUrl, planId: plan.json().id as string, url: `${planUrl}/goals/${goal.json().id}/evidence` };
}

async function uploadOn(app: TestApp['app'], c: Cast, url: string, file: UploadFile, fields = {}) {
  const body = await multipart(fields, file);
  return app.inject({
    method: 'POST',
    url: `${url}/files`,
    headers: { ...c.as('self'), ...body.headers },
    payload: body.payload,
  });
}

describe.each([
  ['disk', onDisk],
  ['database', inDatabase],
] as [string, TestApp][])('evidence of a goal (files on %s)', (_store, t) => {
  const { app } = t;

  const goalOfSelf = (c: Cast) => goalOfSelfOn(app, c);
  const upload = (c: Cast, url: string, file: UploadFile, fields = {}) => uploadOn(app, c, url, file, fields);

  /** Every file stored for the plan (partial ones included), to prove that failures leave nothing behind. */
  const storedFiles = (planId: string) => storedKeys(t.ctx, `evidence/${planId}/`);

  it('keeps notes and links, edits them with a version and removes them', async () => {
    const c = await createCast(t);
    const { url, planUrl } = await goalOfSelf(c);
    const note = await app.inject({
      method: 'POST',
      url,
      headers: c.as('self'),
      payload: { kind: 'note', title: 'Feedback from the team', note: 'Eight came; all want a second part.' },
    });
    expect(note.statusCode, note.body).toBe(201);
    const link = await app.inject({
      method: 'POST',
      url,
      headers: c.as('self'),
      payload: { kind: 'link', title: 'Slides', url: 'https://example.org/slides', occurredOn: '2027-02-01' },
    });
    expect(link.statusCode, link.body).toBe(201);

    const list = await app.inject({ method: 'GET', url, headers: c.as('self') });
    expect(list.json().evidence.map((e: { title: string }) => e.title)).toEqual(['Slides', 'Feedback from the team']);

    const edited = await app.inject({
      method: 'PATCH',
      url: `${planUrl}/evidence/${link.json().id}`,
      headers: { ...c.as('self'), 'if-match': '"1"' },
      payload: { title: 'Workshop slides' },
    });
    expect(edited.json()).toMatchObject({ title: 'Workshop slides', version: 2 });
    const stale = await app.inject({
      method: 'PATCH',
      url: `${planUrl}/evidence/${link.json().id}`,
      headers: c.as('self'),
      payload: { title: 'Older tab', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.title).toBe('Workshop slides');

    const removed = await app.inject({
      method: 'DELETE',
      url: `${planUrl}/evidence/${note.json().id}`,
      headers: c.as('self'),
    });
    expect(removed.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url, headers: c.as('self') });
    expect(after.json().evidence).toHaveLength(1);
  });

  it('names the field of bad input', async () => {
    const c = await createCast(t);
    const { url } = await goalOfSelf(c);
    const cases: [object, string][] = [
      [{ kind: 'link', title: 'Slides', url: 'javascript:alert(1)' }, 'url'],
      [{ kind: 'note', title: ' ', note: 'x' }, 'title'],
      [{ kind: 'note', title: 'Empty', note: '' }, 'note'],
      [{ kind: 'file', title: 'No' }, 'kind'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url, headers: c.as('self'), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}).join(), JSON.stringify(payload)).toContain(field);
    }
    const missingGoal = await app.inject({
      method: 'POST',
      url: url.replace(/goals\/[^/]+/, 'goals/nope'),
      headers: c.as('self'),
      payload: { kind: 'note', title: 'x', note: 'y' },
    });
    expect(missingGoal.statusCode).toBe(404);
  });

  it('stores a file and downloads it only for the owner', async () => {
    const c = await createCast(t);
    const { url } = await goalOfSelf(c);
    const res = await upload(
      c,
      url,
      { name: 'Työpaja – slides.pdf', type: 'application/pdf', bytes: PDF },
      { title: 'Workshop slides', occurredOn: '2027-03-04' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json().file;
    expect(file).toMatchObject({ name: 'Työpaja – slides.pdf', contentType: 'application/pdf', byteSize: PDF.length });
    expect(res.json()).toMatchObject({ title: 'Workshop slides', occurredOn: '2027-03-04', kind: 'file' });

    const download = await app.inject({ method: 'GET', url: file.downloadUrl, headers: c.as('self') });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Ty%C3%B6paja%20%E2%80%93%20slides.pdf");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    for (const kind of ['otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const) {
      const other = await app.inject({ method: 'GET', url: file.downloadUrl, headers: c.as(kind) });
      expect(other.statusCode, kind).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: file.downloadUrl })).statusCode).toBe(401);
  });

  it('refuses too large, wrong, disguised and empty files with a clear error and keeps nothing', async () => {
    const c = await createCast(t);
    const { url, planId } = await goalOfSelf(c);
    const cases = [
      {
        file: { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX)]) },
        status: 413,
        message: /larger than/,
      },
      {
        file: { name: 'tool.exe', type: 'application/x-msdownload', bytes: Buffer.from('MZ...') },
        status: 400,
        message: /cannot be added/,
      },
      {
        file: { name: 'fake.pdf', type: 'application/pdf', bytes: Buffer.from('just text, not a PDF') },
        status: 400,
        message: /does not look like/,
      },
      { file: { name: 'photo.png', type: 'image/png', bytes: PDF }, status: 400, message: /does not look like/ },
      { file: { name: 'empty.txt', type: 'text/plain', bytes: Buffer.alloc(0) }, status: 400, message: /empty/ },
    ];
    for (const { file, status, message } of cases) {
      const res = await upload(c, url, file);
      expect(res.statusCode, file.name).toBe(status);
      expect(res.json().error.fields.file, file.name).toMatch(message);
    }
    const bad = await upload(
      c,
      url,
      { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('ok') },
      { occurredOn: '31.3.2027' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.occurredOn).toMatch(/2027-03-31/);
    const noFile = await multipart({ title: 'Nothing' });
    const missing = await app.inject({
      method: 'POST',
      url: `${url}/files`,
      headers: { ...c.as('self'), ...noFile.headers },
      payload: noFile.payload,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.file).toMatch(/Choose a file/);

    expect(await storedFiles(planId)).toEqual([]);
    expect(await t.db.select().from(evidence).where(eq(evidence.planId, planId))).toEqual([]);
  });

  it('keeps nothing of an upload cut off half-way', async () => {
    const c = await createCast(t);
    const { url, planId } = await goalOfSelf(c);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const body = await multipart(
      { title: 'Cut off' },
      { name: 'notes.txt', type: 'text/plain', bytes: Buffer.alloc(3000, 'a') },
    );
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `${url}/files`,
        headers: { ...c.as('self'), ...body.headers, 'content-length': body.payload.length },
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      // Half the body, then the connection drops.
      req.write(body.payload.subarray(0, Math.floor(body.payload.length / 2)), () =>
        setTimeout(() => req.destroy(), 100),
      );
      req.on('close', () => resolve());
    });
    // The server notices the dropped connection and removes the partial file; on a busy machine that takes a while.
    await expect.poll(() => storedFiles(planId), { timeout: 5000, interval: 100 }).toEqual([]);
    expect(await t.db.select().from(evidence).where(eq(evidence.planId, planId))).toEqual([]);
  });

  it('removes the files with the evidence and with the plan', async () => {
    const c = await createCast(t);
    const { url, planUrl, planId } = await goalOfSelf(c);
    const a = await upload(c, url, { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('first') });
    await upload(c, url, { name: 'b.md', type: 'text/markdown', bytes: Buffer.from('# second') });
    expect(await storedFiles(planId)).toHaveLength(2);
    await app.inject({ method: 'DELETE', url: `${planUrl}/evidence/${a.json().id}`, headers: c.as('self') });
    expect(await storedFiles(planId)).toHaveLength(1);
    await app.inject({ method: 'DELETE', url: planUrl, headers: c.as('self') });
    expect(await storedFiles(planId)).toEqual([]);
  });
});

describe('files kept in the database', () => {
  it('downloads a file uploaded through one instance from another on the same database', async () => {
    const c = await createCast(inDatabase);
    const { url } = await goalOfSelfOn(inDatabase.app, c);
    const bytes = Buffer.concat([PDF, Buffer.alloc(2000, 'x')]);
    const res = await uploadOn(inDatabase.app, c, url, { name: 'shared.pdf', type: 'application/pdf', bytes });
    expect(res.statusCode, res.body).toBe(201);
    const download = await otherInstance.app.inject({
      method: 'GET',
      url: res.json().file.downloadUrl,
      headers: c.as('self'),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });
});
