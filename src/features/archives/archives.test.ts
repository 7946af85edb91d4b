import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberArchive } from '../../db/schema/index.js';
import { castCalls, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { multipart, pngBytes } from '../../test/multipart.js';
import { eraseExpiredArchives } from './archives.service.js';

const t = await createTestApp();

/** `self` with a plan, a goal, a check-in, a log entry, an evidence file and a post in the cast's organisation. */
async function learnerWithData() {
  const c = await createCast(t);
  const { call, mine } = castCalls(t, c);
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027', title: 'My year' });
  const url = `/api/plans/${plan.id}`;
  const goal = await mine('POST', `${url}/goals`, { what: 'Run a cataloguing workshop' });
  await mine('POST', `${url}/checkins`, { answers: { learned: 'Dry runs help' } });
  await mine('POST', '/api/log', { organizationId: c.org.id, what: 'Pivot tables group by month' });
  await mine('POST', '/api/posts', {
    organizationId: c.org.id,
    body: 'What I learned running a dry run',
    visibility: 'organization',
  });
  const body = await multipart({ title: 'Slides' }, { name: 'slides.png', type: 'image/png', bytes: pngBytes(300) });
  const upload = await t.app.inject({
    method: 'POST',
    url: `${url}/goals/${goal.id}/evidence/files`,
    headers: { ...c.as('self'), ...body.headers },
    payload: body.payload,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  return { c, call, planId: plan.id as string };
}

describe('removing a member keeps their data for them', () => {
  it('an admin removes a learner: access ends, the learner is told, and downloads everything they made', async () => {
    const { c, call, planId } = await learnerWithData();
    const removed = await call('admin', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`);
    expect(removed.status).toBe(204);

    expect((await call('self', 'GET', `/api/orgs/${c.org.id}`)).status).toBe(404);
    expect((await call('self', 'GET', `/api/plans/${planId}`)).status).toBe(404);

    const mail = t.mailer.sent.filter((m) => m.to === c.people.self.email).at(-1);
    expect(mail?.subject).toBe(`You were removed from ${c.org.name}`);
    expect(mail?.text).toContain('kept for you to download until');

    const list = await call('self', 'GET', '/api/me/archives');
    expect(list.body.archives).toHaveLength(1);
    const archive = list.body.archives[0] as Json;
    expect(archive).toMatchObject({ organizationName: c.org.name, planCount: 1, downloadedAt: null });
    expect(archive.removedByName).toBe(c.people.admin.name);
    const days = (Date.parse(archive.keptUntil) - Date.parse(archive.removedAt)) / 86_400_000;
    expect(days).toBe(30);

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/me/archives/${archive.id}/download`,
      headers: c.as('self'),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const doc = download.json();
    expect(doc.plans[0]).toMatchObject({ format: 'waymark-plan', plan: { cycle: '2027', title: 'My year' } });
    expect(doc.plans[0].goals.map((g: Json) => g.what)).toEqual(['Run a cataloguing workshop']);
    expect(doc.plans[0].checkins[0].answers[0].answer).toBe('Dry runs help');
    expect(doc.plans[0].evidence[0]).toMatchObject({ kind: 'file', title: 'Slides' });
    expect(doc.log.map((l: Json) => l.what)).toEqual(['Pivot tables group by month']);
    expect(doc.posts.map((p: Json) => p.body)).toEqual(['What I learned running a dry run']);

    const [file] = archive.files as Json[];
    const bytes = await t.app.inject({
      method: 'GET',
      url: `/api/me/archives/${archive.id}/files/${file?.id}`,
      headers: c.as('self'),
    });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.rawPayload.equals(pngBytes(300))).toBe(true);

    // Each plan in it is the plan export's document: it imports into another organisation.
    const other = await call('self', 'POST', '/api/orgs', { name: 'Next job' });
    const imported = await call('self', 'POST', '/api/plans/import', {
      organizationId: other.body.id,
      document: doc.plans[0],
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.goals.map((g: Json) => g.what)).toEqual(['Run a cataloguing workshop']);
  });

  it('nobody but the learner reads an archive; admins see only who was removed and until when', async () => {
    const { c, call } = await learnerWithData();
    await call('admin', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`);
    const archive = (await call('self', 'GET', '/api/me/archives')).body.archives[0] as Json;
    for (const kind of ['admin', 'owner', 'otherMember', 'outsider'] as const) {
      expect((await call(kind, 'GET', `/api/me/archives/${archive.id}/download`)).status).toBe(404);
      expect((await call(kind, 'GET', `/api/me/archives/${archive.id}/files/${archive.files[0].id}`)).status).toBe(404);
      expect((await call(kind, 'GET', '/api/me/archives')).body.archives).toEqual([]);
    }
    const seen = await call('admin', 'GET', `/api/orgs/${c.org.id}/removed-members`);
    expect(seen.body.removed).toEqual([
      expect.objectContaining({ name: c.people.self.name, email: c.people.self.email, keptUntil: archive.keptUntil }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('cataloguing');
    expect((await call('otherMember', 'GET', `/api/orgs/${c.org.id}/removed-members`)).status).toBe(403);
    expect((await call('outsider', 'GET', `/api/orgs/${c.org.id}/removed-members`)).status).toBe(404);
  });

  it('a member who leaves keeps their data too, for the days the owner set', async () => {
    const { c, call } = await learnerWithData();
    const bad = await call('owner', 'PATCH', `/api/orgs/${c.org.id}`, { removedDataDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.removedDataDays).toContain('at least 1 day');
    const set = await call('owner', 'PATCH', `/api/orgs/${c.org.id}`, { removedDataDays: 7 });
    expect(set.body.removedDataDays).toBe(7);

    expect((await call('self', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`)).status).toBe(204);
    const archive = (await call('self', 'GET', '/api/me/archives')).body.archives[0] as Json;
    expect(archive.removedByName).toBeNull();
    expect((Date.parse(archive.keptUntil) - Date.parse(archive.removedAt)) / 86_400_000).toBe(7);
    expect(t.mailer.sent.filter((m) => m.to === c.people.self.email).at(-1)?.subject).toBe(`You left ${c.org.name}`);
  });

  it('erases an archive and its files when its time is up', async () => {
    const { c, call } = await learnerWithData();
    await call('admin', 'DELETE', `/api/orgs/${c.org.id}/members/${c.members.self.id}`);
    const archive = (await call('self', 'GET', '/api/me/archives')).body.archives[0] as Json;
    const [row] = await t.db.select().from(memberArchive).where(eq(memberArchive.id, archive.id));
    const key = row?.files[0]?.storageKey as string;
    expect(await t.ctx.files.open(key)).toBeDefined();

    await t.db
      .update(memberArchive)
      .set({ eraseAfter: new Date(Date.now() - 1000) })
      .where(eq(memberArchive.id, archive.id));
    // Past its time it is no longer offered, even before the erase job runs.
    expect((await call('self', 'GET', '/api/me/archives')).body.archives).toEqual([]);
    expect(await eraseExpiredArchives(t.ctx, new Date())).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(memberArchive).where(eq(memberArchive.id, archive.id))).toEqual([]);
    expect(await t.ctx.files.open(key)).toBeUndefined();
    expect((await call('admin', 'GET', `/api/orgs/${c.org.id}/removed-members`)).body.removed).toEqual([]);
  });
});
