import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Bytes as PostgreSQL's bytea: node-postgres hands back a Buffer, PGlite a Uint8Array; both read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length)),
});

/*
 * Uploaded files (evidence, post images, archived evidence) kept in the database when FILE_STORE=database,
 * so every instance reaches every file (decision 2026-12-05-shared-state). A file is written as chunks under
 * a row with no `completed_at`, and becomes visible under its key only when the last chunk is in: a failed,
 * cut-off or too-large upload is removed, and one abandoned by a crash is swept later, never seen.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey(),
    /** The key Waymark made (`evidence/<plan>/<id>`); unique among completed files. */
    key: text('key').notNull(),
    byteSize: integer('byte_size'),
    sha256: text('sha256'),
    chunkCount: integer('chunk_count'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stored_file_key_idx').on(t.key).where(sql`${t.completedAt} is not null`),
    index('stored_file_unfinished_idx').on(t.startedAt).where(sql`${t.completedAt} is null`),
  ],
);

/** One piece of a stored file, in order (`seq` from 0); removed with its file. */
export const storedFileChunk = pgTable(
  'stored_file_chunk',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
