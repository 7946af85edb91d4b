import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { storedFile, storedFileChunk } from '../../db/schema/index.js';
import { checkFileKey, type FileStore, FileTooLargeError, keepHead } from './file-store.js';

/**
 * Bytes per stored chunk: a download holds one chunk in memory at a time and a 10 MB file is 40 rows. Small
 * enough for PGlite's single connection to stay responsive between them.
 */
const CHUNK_BYTES = 256 * 1024;

/** An upload still unfinished after this long was abandoned by a process that stopped mid-way. */
export const ABANDONED_UPLOAD_HOURS = 24;

/**
 * Files in the database (tables stored_file and stored_file_chunk), for instances that share one database and
 * not one disk. Like the disk store, a file is whole or absent: its chunks are written under a row that is
 * invisible until the last one is in, then one short transaction gives it its key (no transaction stays open
 * while a client uploads, which on PGlite would hold its only connection). A failed, cut-off or too-large upload
 * is removed at once; one left by a crash is removed by `removeAbandonedUploads`.
 */
export function createDatabaseFileStore(db: Database): FileStore {
  return {
    async put(key, data, maxBytes) {
      checkFileKey(key);
      const id = randomUUID();
      await db.insert(storedFile).values({ id, key });
      const hash = createHash('sha256');
      let byteSize = 0;
      let head: Buffer = Buffer.alloc(0);
      let chunkCount = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let sha256 = '';
      const writePending = async () => {
        if (pendingBytes === 0) return;
        await db.insert(storedFileChunk).values({ fileId: id, seq: chunkCount, data: Buffer.concat(pending) });
        chunkCount += 1;
        pending = [];
        pendingBytes = 0;
      };
      try {
        for await (const chunk of data as AsyncIterable<Buffer>) {
          byteSize += chunk.length;
          if (byteSize > maxBytes) throw new FileTooLargeError(maxBytes);
          head = keepHead(head, chunk);
          hash.update(chunk);
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= CHUNK_BYTES) await writePending();
        }
        // A multipart stream that was cut short ends without an error but says so.
        if ((data as Readable & { truncated?: boolean }).truncated) throw new FileTooLargeError(maxBytes);
        await writePending();
        sha256 = hash.digest('hex');
        await db.transaction(async (tx) => {
          // A file put again under its key replaces the old one, as a rename does on disk.
          await tx.delete(storedFile).where(and(eq(storedFile.key, key), isNotNull(storedFile.completedAt)));
          const completed = await tx
            .update(storedFile)
            .set({ completedAt: sql`now()`, byteSize, sha256, chunkCount })
            .where(eq(storedFile.id, id))
            .returning({ id: storedFile.id });
          if (completed.length === 0) throw new Error(`The file ${key} was deleted while it was being stored`);
        });
      } catch (err) {
        // If the database itself is away this fails too; the unfinished row is then swept later.
        await db
          .delete(storedFile)
          .where(eq(storedFile.id, id))
          .catch(() => {});
        throw err;
      }
      return { byteSize, sha256, head };
    },

    async open(key) {
      const [file] = await db
        .select({ id: storedFile.id, chunkCount: storedFile.chunkCount })
        .from(storedFile)
        .where(and(eq(storedFile.key, checkFileKey(key)), isNotNull(storedFile.completedAt)));
      if (!file) return undefined;
      return Readable.from(readChunks(db, file.id, file.chunkCount ?? 0), { objectMode: false });
    },

    async delete(key) {
      // Unfinished uploads under the key too: their completion then fails instead of bringing the file back.
      await db.delete(storedFile).where(eq(storedFile.key, checkFileKey(key)));
    },
  };
}

/** One chunk per query, read as the download is consumed, so a large file never sits whole in memory. */
async function* readChunks(db: Database, fileId: string, chunkCount: number) {
  for (let seq = 0; seq < chunkCount; seq++) {
    const [chunk] = await db
      .select({ data: storedFileChunk.data })
      .from(storedFileChunk)
      .where(and(eq(storedFileChunk.fileId, fileId), eq(storedFileChunk.seq, seq)));
    if (!chunk) throw new Error('The file was deleted while it was being read');
    yield chunk.data;
  }
}

/** Removes uploads that never finished (the process stopped mid-way) and are older than a day. Answers how many. */
export async function removeAbandonedUploads(db: Database): Promise<number> {
  const removed = await db
    .delete(storedFile)
    .where(
      and(
        isNull(storedFile.completedAt),
        lt(storedFile.startedAt, sql`now() - ${ABANDONED_UPLOAD_HOURS}::integer * interval '1 hour'`),
      ),
    )
    .returning({ id: storedFile.id });
  return removed.length;
}
