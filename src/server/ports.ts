import type { Readable } from 'node:stream';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

/*
 * What the app's context offers services, as interfaces the server owns and features implement: the mailer
 * (features/mail), the file stores (features/evidence), the job queue (features/jobs). The server knows no
 * feature's types, so every feature may depend on the server and none on another through it.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe on reminders. The outbox does not keep them. */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  /**
   * Sends one message. Pass the request's transaction as `tx` so that, in outbox mode, the message is
   * stored with the rest of the change (and on PGlite, whose one connection the transaction holds).
   */
  send(message: MailMessage, tx?: Database): Promise<void>;
  close(): void;
}

/** What a stored file turned out to be. */
export interface StoredFile {
  byteSize: number;
  sha256: string;
  /** The first bytes, for checking the content is what its type claims. */
  head: Buffer;
}

/**
 * Where uploaded files live (evidence, post images, archived evidence): on disk under the data directory, or
 * in the database for several instances (FILE_STORE, database-file-store.ts); another store (S3, a network
 * share) would implement the same three calls. Keys are made by Waymark, never by the uploader.
 */
export interface FileStore {
  /**
   * Stores a stream under `key`, all or nothing: if the stream fails, is cut off or passes `maxBytes`,
   * nothing is kept and the error is thrown (FileTooLargeError for the size).
   */
  put(key: string, data: Readable, maxBytes: number): Promise<StoredFile>;
  /** The stored bytes, or undefined if there is no such file. */
  open(key: string): Promise<Readable | undefined>;
  delete(key: string): Promise<void>;
}

/** What features see of the queue. */
export interface JobQueue {
  readonly boss: PgBoss;
  /** Settles when queues, schedules and workers are set up (sending waits for it by itself). */
  readonly ready: Promise<void>;
  /** The instant jobs should treat as now. */
  now(): Date;
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Sends many jobs in one statement. */
  insert(jobs: PgBoss.JobInsert[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads a name's DNS TXT records (each record as its strings, as node:dns/promises `resolveTxt` answers):
 * how an organisation proves it holds a mail domain. Tests hand in their own answers.
 */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}
