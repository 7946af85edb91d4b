import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { storedFile } from '../../db/schema/index.js';
import { openTestDatabase } from '../../test/database.js';
import { copyDiskFilesToDatabase } from './copy-files.js';
import { createDatabaseFileStore, removeAbandonedUploads } from './database-file-store.js';
import { createDiskFileStore, type FileStore, FileTooLargeError } from './file-store.js';

const database = await openTestDatabase();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-file-store-'));
afterAll(async () => {
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** What is left of unfinished writes: partial files on disk, rows without completion in the database. */
const leftovers = {
  disk: () => (fs.existsSync(path.join(root, '.partial')) ? fs.readdirSync(path.join(root, '.partial')) : []),
  database: async (prefix: string) =>
    (
      await database.db
        .select()
        .from(storedFile)
        .where(like(storedFile.key, `${prefix}%`))
    ).filter((f) => f.completedAt === null),
};

/** A stream of `bytes` in pieces of `piece` bytes, as an upload arrives. */
function streamOf(bytes: Buffer, piece = 64 * 1024) {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    })(),
  );
}

async function bytesOf(store: FileStore, key: string) {
  const stream = await store.open(key);
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each([
  ['disk', () => createDiskFileStore(root), async () => leftovers.disk()],
  ['database', () => createDatabaseFileStore(database.db), (prefix: string) => leftovers.database(prefix)],
] as const)('file store (%s)', (_name, makeStore, unfinished) => {
  const store = makeStore();
  const prefix = `test/${randomUUID()}`;

  it('keeps a file of many pieces whole and streams it back byte for byte', async () => {
    const bytes = randomBytes(700 * 1024 + 123);
    const stored = await store.put(`${prefix}/big`, streamOf(bytes), 1024 * 1024);
    expect(stored.byteSize).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stored.head.equals(bytes.subarray(0, 512))).toBe(true);
    expect((await bytesOf(store, `${prefix}/big`))?.equals(bytes)).toBe(true);
  });

  it('keeps nothing of a file over the limit', async () => {
    const key = `${prefix}/too-big`;
    await expect(store.put(key, streamOf(randomBytes(300 * 1024)), 200 * 1024)).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(await store.open(key)).toBeUndefined();
    expect(await unfinished(prefix)).toEqual([]);
  });

  it('keeps nothing of an upload that fails half-way', async () => {
    const key = `${prefix}/broken`;
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(300 * 1024);
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(key, failing, 1024 * 1024)).rejects.toThrow('connection reset');
    expect(await store.open(key)).toBeUndefined();
    expect(await unfinished(prefix)).toEqual([]);
  });

  it('replaces a file put again under its key, and deletes it', async () => {
    const key = `${prefix}/notes`;
    await store.put(key, streamOf(Buffer.from('first draft')), 1024);
    await store.put(key, streamOf(Buffer.from('second draft')), 1024);
    const stream = await store.open(key);
    expect(stream && (await text(stream))).toBe('second draft');
    await store.delete(key);
    expect(await store.open(key)).toBeUndefined();
    await store.delete(key);
  });

  it('keeps an empty file as empty', async () => {
    const stored = await store.put(`${prefix}/empty`, streamOf(Buffer.alloc(0)), 1024);
    expect(stored.byteSize).toBe(0);
    expect((await bytesOf(store, `${prefix}/empty`))?.length).toBe(0);
  });

  it('refuses keys that could leave its place', async () => {
    await expect(store.put('../outside', streamOf(Buffer.from('x')), 1024)).rejects.toThrow(/Invalid file key/);
    await expect(store.open('/etc/passwd')).rejects.toThrow(/Invalid file key/);
  });
});

describe('files in the database', () => {
  it('removes uploads abandoned over a day ago, and no others', async () => {
    const store = createDatabaseFileStore(database.db);
    const prefix = `test/${randomUUID()}`;
    await store.put(`${prefix}/finished`, streamOf(Buffer.from('done')), 1024);
    const [abandoned, underWay] = [randomUUID(), randomUUID()];
    await database.db.insert(storedFile).values([
      { id: abandoned, key: `${prefix}/abandoned`, startedAt: sql`now() - interval '25 hours'` },
      { id: underWay, key: `${prefix}/under-way`, startedAt: sql`now() - interval '2 hours'` },
    ]);
    expect(await removeAbandonedUploads(database.db)).toBeGreaterThanOrEqual(1);
    const left = await database.db
      .select()
      .from(storedFile)
      .where(like(storedFile.key, `${prefix}/%`));
    expect(left.map((f) => f.key).sort()).toEqual([`${prefix}/finished`, `${prefix}/under-way`]);
    expect(await database.db.select().from(storedFile).where(eq(storedFile.id, abandoned))).toEqual([]);
  });
});

describe('moving a deployment to FILE_STORE=database', () => {
  it('copies the files kept on disk into the database, once', async () => {
    const disk = createDiskFileStore(path.join(root, 'moving'));
    const inDatabase = createDatabaseFileStore(database.db);
    const prefix = `moved/${randomUUID()}`;
    const slides = randomBytes(300 * 1024);
    await disk.put(`${prefix}/slides`, streamOf(slides), 1024 * 1024);
    await disk.put(`${prefix}/notes`, streamOf(Buffer.from('notes on disk')), 1024);
    await inDatabase.put(`${prefix}/notes`, streamOf(Buffer.from('notes already moved')), 1024);

    expect(await copyDiskFilesToDatabase(path.join(root, 'moving'), database.db)).toEqual({ copied: 1, present: 1 });
    expect((await bytesOf(inDatabase, `${prefix}/slides`))?.equals(slides)).toBe(true);
    expect((await bytesOf(inDatabase, `${prefix}/notes`))?.toString()).toBe('notes already moved');
    expect(await copyDiskFilesToDatabase(path.join(root, 'moving'), database.db)).toEqual({ copied: 0, present: 2 });
  });
});
