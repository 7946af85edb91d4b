import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { commitScope } from '../db/after-commit.js';
import type { DatabaseHandle } from '../db/client.js';
import { listenForNotifications } from '../db/pg-listener.js';
import { type Change, type ChangeKind, type ChangeOf, parseChange } from './changes.js';
import { noteOwnWrite } from './own-writes.js';

/** The PostgreSQL channel every instance of one database listens on. */
export const CHANGES_CHANNEL = 'waymark_changes';
/** The listening connection's name in pg_stat_activity. */
export const CHANGES_APPLICATION_NAME = 'waymark-changes';
/** NOTIFY refuses payloads of 8,000 bytes or more; past this many, "everything changed" is sent instead. */
const MAX_PAYLOAD_BYTES = 7_000;
/** Numbers every NOTIFY (schema/instances.ts). */
const CHANGE_SEQUENCE = 'waymark_change_seq';
/** How long heard numbers are remembered, at least: well past the cookie's 30 s (own-writes.ts). */
const HEARD_FOR_MS = 60_000;

/**
 * The one way a write says what it changed (see changes.ts). A change is delivered to this process's
 * listeners once its transaction has committed, and on PostgreSQL to every other instance by a NOTIFY sent
 * inside the same transaction, which PostgreSQL delivers at commit (never for a rollback).
 */
export interface ChangeFeed {
  /**
   * Announces what the current transaction changed (delivered when it commits), or what a statement just
   * committed outside a transaction changed (delivered now).
   */
  announce(...changes: Change[]): Promise<void>;
  /** Calls `handler` for every change of this kind, made here or on another instance. */
  on<K extends ChangeKind>(kind: K, handler: (change: ChangeOf<K>) => void): void;
  /** Calls `handler` when changes may have been missed (the listening connection was lost, or came back). */
  onMissed(handler: () => void): void;
  /**
   * Whether every change made anywhere reaches this process now. Caches serve only while it does: while it
   * does not (an instance whose listening connection is down, or not yet up), reads go to the database.
   */
  complete(): boolean;
  /** Whether this instance has heard (or made) the changes numbered `seq` lately (own-writes.ts). */
  hasHeard(seq: number): boolean;
  /**
   * For a write made in one statement outside a transaction (autosave's hot path) that tells the other
   * instances itself: the NOTIFY to fold into that statement, as `pg_notify(channel, prefix || seq || suffix)`
   * with `seq` from `nextval(sequence)`. Undefined where no other instance listens (PGlite).
   */
  notification(...changes: Change[]): { channel: string; sequence: string; prefix: string; suffix: string } | undefined;
  /** What such a statement changed, once it has committed as number `seq` (undefined on PGlite). */
  told(seq: number | undefined, ...changes: Change[]): void;
  /**
   * Resolves once this instance's own NOTIFY numbered `seq` has come back through its listening connection
   * (PostgreSQL delivers it to every listening instance at once), or after `timeoutMs`, or at once where
   * nobody else listens. A write's answer waits for it (own-writes.ts), so the others have heard it too.
   */
  untilEchoed(seq: number, timeoutMs: number): Promise<void>;
  /** Resolves once the feed is complete (at once where it hears no other instance), or after `timeoutMs`. */
  untilComplete(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

type Handler = (change: Change) => void;

interface Message {
  /** The instance that sent it (which has delivered it to itself already). */
  o: string;
  /** The batch's number from CHANGE_SEQUENCE. */
  s?: number;
  c?: unknown[];
  /** Too many changes to name: everything may have changed. */
  all?: true;
}

export interface ChangeFeedOptions {
  database: DatabaseHandle;
  log: FastifyBaseLogger;
  /**
   * Hear other instances' changes (PostgreSQL only). Off for a process that is the database's only user
   * (the embedded PGlite) and for scripts that only write.
   */
  listen: boolean;
}

export function createChangeFeed({ database, log, listen }: ChangeFeedOptions): ChangeFeed {
  const origin = randomUUID();
  const handlers = new Map<ChangeKind, Handler[]>();
  const missedHandlers: (() => void)[] = [];
  const notifies = database.kind === 'postgres';
  const hearsOthers = notifies && listen && database.url !== undefined;
  let listening = false;
  const whenListening: (() => void)[] = [];
  const awaitingEcho = new Map<number, () => void>();

  const deliver = (changes: Change[]) => {
    for (const change of changes) {
      for (const handler of handlers.get(change.kind) ?? []) {
        try {
          handler(change);
        } catch (err) {
          log.error({ err, change }, 'a cache failed to take a change');
        }
      }
    }
  };
  const missed = () => {
    for (const handler of missedHandlers) handler();
  };

  // Numbers heard in the current and the previous period of HEARD_FOR_MS.
  let heardNow = new Set<number>();
  let heardBefore = new Set<number>();
  let periodEndsAt = Date.now() + HEARD_FOR_MS;
  const hear = (seq: number | undefined) => {
    if (seq === undefined) return;
    if (Date.now() > periodEndsAt) {
      heardBefore = heardNow;
      heardNow = new Set();
      periodEndsAt = Date.now() + HEARD_FOR_MS;
    }
    heardNow.add(seq);
  };

  /** The payload around its number: `prefix || seq || suffix` is the message's JSON. */
  const partsOf = (changes: Change[]) => {
    const unique = [...new Set(changes.map((c) => JSON.stringify(c)))];
    const prefix = `{"o":"${origin}","s":`;
    const suffix = `,"c":[${unique.join(',')}]}`;
    // A number takes at most 19 bytes.
    return Buffer.byteLength(prefix + suffix) + 19 <= MAX_PAYLOAD_BYTES
      ? { prefix, suffix }
      : { prefix, suffix: ',"all":true}' };
  };

  /** Sends the NOTIFY for `changes` on `db` (in the writing transaction, or after a lone statement) and answers its number. */
  const notify = async (db: Pick<DatabaseHandle['db'], 'execute'>, changes: Change[]) => {
    const { prefix, suffix } = partsOf(changes);
    const result = await db.execute<{ seq: string }>(
      sql`select s.seq, pg_notify(${CHANGES_CHANNEL}, ${prefix} || s.seq || ${suffix})
          from (select nextval(${CHANGE_SEQUENCE}) as seq) s`,
    );
    return Number((result as unknown as { rows: { seq: string }[] }).rows[0]?.seq);
  };

  const delivered = (seq: number | undefined, changes: Change[]) => {
    hear(seq);
    if (seq !== undefined) noteOwnWrite(seq);
    deliver(changes);
  };

  const heard = (payload: string) => {
    let message: Message;
    try {
      message = JSON.parse(payload) as Message;
    } catch {
      return;
    }
    if (message.o === origin) {
      if (message.s !== undefined) awaitingEcho.get(message.s)?.();
      return;
    }
    if (message.all) {
      missed();
      return hear(message.s);
    }
    const changes = (message.c ?? []).map(parseChange).filter((c): c is Change => c !== undefined);
    deliver(changes);
    hear(message.s);
  };

  const listener = hearsOthers
    ? listenForNotifications({
        url: database.url as string,
        channel: CHANGES_CHANNEL,
        applicationName: CHANGES_APPLICATION_NAME,
        onNotification: heard,
        onListening: () => {
          // Whatever was cached before may have missed changes made while nobody listened.
          missed();
          listening = true;
          for (const resolve of whenListening.splice(0)) resolve();
          log.info('listening for other instances’ changes');
        },
        onLost: (err) => {
          listening = false;
          missed();
          log.warn({ err: err.message }, 'stopped hearing other instances’ changes: reading without caches');
        },
      })
    : undefined;

  const feedKey = {};

  return {
    async announce(...changes) {
      const scope = commitScope();
      if (!scope) {
        let seq: number | undefined;
        if (notifies) {
          seq = await notify(database.db, changes).catch((err) => {
            log.warn({ err }, 'other instances were not told of a change');
            return undefined;
          });
        }
        delivered(seq, changes);
        return;
      }
      let pending = scope.state.get(feedKey) as Change[] | undefined;
      if (!pending) {
        const collected: Change[] = [];
        pending = collected;
        scope.state.set(feedKey, collected);
        let seq: number | undefined;
        if (notifies) {
          scope.beforeCommit.push(async (tx) => {
            seq = await notify(tx, collected);
          });
        }
        scope.afterCommit.push(() => delivered(seq, collected));
      }
      pending.push(...changes);
    },

    on(kind, handler) {
      const list = handlers.get(kind) ?? [];
      list.push(handler as Handler);
      handlers.set(kind, list);
    },

    onMissed(handler) {
      missedHandlers.push(handler);
    },

    complete: () => !hearsOthers || listening,

    hasHeard: (seq) => heardNow.has(seq) || heardBefore.has(seq),

    notification(...changes) {
      if (!notifies) return undefined;
      return { channel: CHANGES_CHANNEL, sequence: CHANGE_SEQUENCE, ...partsOf(changes) };
    },

    told(seq, ...changes) {
      delivered(seq, changes);
    },

    untilEchoed(seq, timeoutMs) {
      if (!hearsOthers || !listening) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          awaitingEcho.delete(seq);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        awaitingEcho.set(seq, done);
      });
    },

    untilComplete(timeoutMs) {
      if (!hearsOthers || listening) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        whenListening.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },

    async close() {
      listening = false;
      await listener?.close();
    },
  };
}
