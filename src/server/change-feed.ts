import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { commitScope } from '../db/after-commit.js';
import type { DatabaseHandle } from '../db/client.js';
import { listenForNotifications } from '../db/pg-listener.js';
import { type PeerMessage, watchPeers } from './change-feed-peers.js';
import { type Change, type ChangeKind, type ChangeOf, parseChange, wireForm } from './changes.js';
import { noteOwnWrite } from './own-writes.js';

/** The PostgreSQL channel every instance of one database listens on. */
export const CHANGES_CHANNEL = 'waymark_changes';
/** The listening connection's name in pg_stat_activity. */
export const CHANGES_APPLICATION_NAME = 'waymark-changes';
/** NOTIFY refuses payloads of 8,000 bytes or more; past this many, "everything changed" is sent instead. */
const MAX_PAYLOAD_BYTES = 7_000;
/** Numbers every NOTIFY (schema/instances.ts). */
const CHANGE_SEQUENCE = 'waymark_change_seq';
/**
 * Changes whose NOTIFY is part of the writing transaction, delivered with its commit even if this process dies
 * right after it: what refuses people (a removed member, an ended session). Those writes are rare. Every other
 * change is told right after the commit, in a statement of its own: PostgreSQL holds one lock for every
 * notifying commit of the database until its WAL is flushed, so a NOTIFY inside the write serialises all
 * writers' flushes (measured: 5,000 plain autocommit writes/s, 650 with the NOTIFY inside, 3,500 with it after).
 */
const WITH_THE_COMMIT = new Set<ChangeKind>(['memberships', 'sessions']);
/** How long heard numbers are remembered, at least: well past the cookie's 30 s (own-writes.ts). */
const HEARD_FOR_MS = 60_000;

/**
 * The one way a write says what it changed (see changes.ts). A change is delivered to this process's
 * listeners once its transaction has committed, and on PostgreSQL to every other instance by a NOTIFY: sent
 * inside the transaction for what refuses people (delivered at commit, never for a rollback), right after the
 * commit for content (see WITH_THE_COMMIT).
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
  /**
   * Whether a write committed now is told to other instances: on PostgreSQL unless this instance has found that
   * no other listens (change-feed-peers.ts); never on PGlite.
   */
  tellsOthers(): boolean;
  /** Whether this instance has heard (or made) the changes numbered `seq` lately (own-writes.ts). */
  hasHeard(seq: number): boolean;
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

interface Message extends PeerMessage {
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
  // Listening, and every instance that listened before has answered this one's hello: caches may serve.
  let listening = false;
  // The listening connection is up (its own NOTIFYs come back through it).
  let connected = false;
  const whenListening: (() => void)[] = [];
  // Writes told by one NOTIFY share its number: each waits for the same echo.
  const awaitingEcho = new Map<number, Set<() => void>>();
  // Own numbers that came back before anyone waited for them (the wait begins when the answer is sent).
  const echoed = new Set<number>();

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
    const unique = [...new Set(changes.map(wireForm))];
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

  const peers = hearsOthers
    ? watchPeers({
        database,
        log,
        origin,
        applicationName: CHANGES_APPLICATION_NAME,
        say: async (message) => {
          await database.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(message)})`);
        },
        onReady: () => {
          // Whatever was cached before may have missed changes made while nobody listened.
          missed();
          listening = true;
          for (const resolve of whenListening.splice(0)) resolve();
          log.info('listening for other instances’ changes');
        },
      })
    : undefined;
  /**
   * Whether this write's changes must be told to other instances: on PostgreSQL, unless this instance has found
   * that no other one listens (change-feed-peers.ts). Asked after the commit for content, so that a newcomer's
   * hello, answered only once this says yes, comes after every write that was not told.
   */
  const mustTell = () => notifies && (peers?.othersMayListen() ?? true);

  /** After the other instances were told: this instance has heard it, and the request wrote it (own-writes.ts). */
  const recorded = (seq: number | undefined) => {
    if (seq === undefined) return;
    hear(seq);
    noteOwnWrite(seq);
  };

  /** Tells the other instances of committed changes, on a connection of the pool; never throws. */
  // Writes that commit while a NOTIFY is under way are told together by the next one, as PostgreSQL groups
  // commits: under load one statement tells many writes (each waits for its own batch, so it is still told
  // before it is answered). A batch stops short of NOTIFY's size limit, past which it would say "everything".
  const waiting: { changes: Change[]; bytes: number; told: ((seq: number | undefined) => void)[] }[] = [];
  let telling = false;
  const BATCH_BYTES = MAX_PAYLOAD_BYTES - 500;

  const tellWaiting = async () => {
    telling = true;
    while (waiting.length > 0) {
      const batch = waiting.shift() as (typeof waiting)[number];
      const seq = await notify(database.db, batch.changes).catch((err) => {
        log.warn({ err }, 'other instances were not told of a change: their caches forget it within their TTL');
        return undefined;
      });
      for (const told of batch.told) told(seq);
    }
    telling = false;
  };

  const notifyAfterCommit = (changes: Change[]) =>
    new Promise<number | undefined>((resolve) => {
      const bytes = changes.reduce((sum, c) => sum + Buffer.byteLength(wireForm(c)) + 1, 1);
      let batch = waiting.at(-1);
      if (!batch || (batch.bytes + bytes > BATCH_BYTES && batch.changes.length > 0)) {
        batch = { changes: [], bytes: 0, told: [] };
        waiting.push(batch);
      }
      batch.changes.push(...changes);
      batch.bytes += bytes;
      batch.told.push(resolve);
      if (!telling) void tellWaiting();
    });

  const heard = (payload: string) => {
    let message: Message;
    try {
      message = JSON.parse(payload) as Message;
    } catch {
      return;
    }
    if (peers?.heard(message)) return;
    if (message.o === origin) {
      if (message.s === undefined) return;
      // Remembered for whoever asks after it came back, then everyone already waiting goes on.
      echoed.add(message.s);
      if (echoed.size > 10_000) echoed.delete(echoed.values().next().value as number);
      for (const done of awaitingEcho.get(message.s) ?? []) done();
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
        onListening: (pid) => {
          connected = true;
          // Caches serve once the instances that listened before have answered (peers' onReady).
          peers?.listening(pid);
        },
        onLost: (err) => {
          listening = false;
          connected = false;
          peers?.lost();
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
        // The statement has committed: this process first, then the others.
        deliver(changes);
        recorded(mustTell() ? await notifyAfterCommit(changes) : undefined);
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
            if (mustTell() && collected.some((c) => WITH_THE_COMMIT.has(c.kind))) seq = await notify(tx, collected);
          });
        }
        scope.afterCommit.push(async () => {
          deliver(collected);
          if (seq === undefined && mustTell()) seq = await notifyAfterCommit(collected);
          recorded(seq);
        });
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

    untilEchoed(seq, timeoutMs) {
      if (!hearsOthers || !connected || echoed.has(seq)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          const waiters = awaitingEcho.get(seq);
          waiters?.delete(done);
          if (waiters?.size === 0) awaitingEcho.delete(seq);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        const waiters = awaitingEcho.get(seq) ?? new Set();
        waiters.add(done);
        awaitingEcho.set(seq, waiters);
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

    tellsOthers: () => mustTell(),

    async close() {
      listening = false;
      connected = false;
      peers?.close();
      await listener?.close();
    },
  };
}
