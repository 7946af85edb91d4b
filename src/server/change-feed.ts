import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { commitScope } from '../db/after-commit.js';
import type { DatabaseHandle } from '../db/client.js';
import { listenForNotifications } from '../db/pg-listener.js';
import { type Change, type ChangeKind, type ChangeOf, parseChange } from './changes.js';

/** The PostgreSQL channel every instance of one database listens on. */
export const CHANGES_CHANNEL = 'waymark_changes';
/** The listening connection's name in pg_stat_activity. */
export const CHANGES_APPLICATION_NAME = 'waymark-changes';
/** NOTIFY refuses payloads of 8,000 bytes or more; past this many, "everything changed" is sent instead. */
const MAX_PAYLOAD_BYTES = 7_000;

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
  close(): Promise<void>;
}

type Handler = (change: Change) => void;

interface Message {
  /** The instance that sent it (which has delivered it to itself already). */
  o: string;
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

  const payloadOf = (changes: Change[]) => {
    const unique = [...new Set(changes.map((c) => JSON.stringify(c)))];
    const whole = `{"o":"${origin}","c":[${unique.join(',')}]}`;
    return Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES ? whole : JSON.stringify({ o: origin, all: true });
  };

  const heard = (payload: string) => {
    let message: Message;
    try {
      message = JSON.parse(payload) as Message;
    } catch {
      return;
    }
    if (message.o === origin) return;
    if (message.all) return missed();
    const changes = (message.c ?? []).map(parseChange).filter((c): c is Change => c !== undefined);
    deliver(changes);
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
        deliver(changes);
        if (notifies) {
          await database.db
            .execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payloadOf(changes)})`)
            .catch((err) => log.warn({ err }, 'other instances were not told of a change'));
        }
        return;
      }
      let pending = scope.state.get(feedKey) as Change[] | undefined;
      if (!pending) {
        const collected: Change[] = [];
        pending = collected;
        scope.state.set(feedKey, collected);
        if (notifies) {
          scope.beforeCommit.push(async (tx) => {
            await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payloadOf(collected)})`);
          });
        }
        scope.afterCommit.push(() => deliver(collected));
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

    async close() {
      listening = false;
      await listener?.close();
    },
  };
}
