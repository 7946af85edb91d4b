import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';

/*
 * Who else listens, so that an instance alone on its database need not tell anyone of its writes
 * (docs/decisions/2026-12-07-a-lone-instance-tells-nobody.md).
 *
 * A write's NOTIFY exists for the other instances' caches: it costs every write a statement, a commit and a
 * round trip more. An instance that finds no other Waymark instance listening on its database (pg_stat_activity,
 * by the listening connection's name) stops sending them, and starts again the moment one says hello.
 *
 * The danger is a newcomer caching what the lone instance then changes without telling it. So a newcomer caches
 * nothing until every instance that was listening before it has answered its hello. An instance answers only
 * once it tells again, and it decides whether to tell only after a write has committed: every write it did not
 * tell committed before its answer, so before the newcomer began to cache. An instance that began listening
 * after the newcomer never finds itself alone while the newcomer listens, so the newcomer waits only for those
 * it counted when it began (or until they are gone).
 */

/** How often an instance that listens looks whether it is alone. */
const ALONE_CHECK_MS = 2_000;
/** How long a newcomer waits for answers before it asks again (and looks who has gone meanwhile). */
const HELLO_AGAIN_MS = 1_000;
/** Past this many unanswered hellos, say so in the log: an instance that does not answer keeps this one uncached. */
const HELLOS_BEFORE_WARNING = 10;

/** The messages instances say to each other on the change channel, beside the changes themselves. */
export interface PeerMessage {
  /** The instance that said it. */
  o: string;
  /** "I have begun listening": every instance that hears it tells its writes from now on, and answers. */
  hello?: string;
  /** The answer to the hello of that name, said by the instance whose listening connection is `pid`. */
  ack?: string;
  to?: string;
  pid?: number;
}

export interface Peers {
  /** Whether another instance may be caching what this one writes: true unless it has found itself alone. */
  othersMayListen(): boolean;
  /** The listening connection (backend `pid`) is up: count who listened before, say hello, await their answers. */
  listening(pid: number): void;
  /** The listening connection is gone: tell every write (nothing is known about the others now). */
  lost(): void;
  /** Takes a message another instance said; false when it is not one of these. */
  heard(message: PeerMessage): boolean;
  close(): void;
}

export interface PeersOptions {
  database: DatabaseHandle;
  log: FastifyBaseLogger;
  /** This instance, as it signs its messages. */
  origin: string;
  /** The listening connection's name, the same for every instance. */
  applicationName: string;
  /** Says a message to every instance listening (pg_notify on the change channel). */
  say(message: PeerMessage): Promise<void>;
  /** Every instance counted at the start has answered (or gone): this one may cache from now on. */
  onReady(): void;
}

export function watchPeers({ database, log, origin, applicationName, say, onReady }: PeersOptions): Peers {
  let alone = false;
  // Counts hellos from others: a look that began before one arrived must not conclude "alone" after it.
  let hellosHeard = 0;
  let ownPid: number | undefined;
  let period: { pid: number; hello: string; waitingFor: Set<number>; asked: number } | undefined;
  let helloTimer: NodeJS.Timeout | undefined;
  let checkTimer: NodeJS.Timeout | undefined;
  let closed = false;

  /** The backends of the other instances' listening connections. */
  const othersListening = async (pid: number) => {
    const result = await database.db.execute<{ pid: number }>(
      sql`select pid from pg_stat_activity
          where datname = current_database() and application_name = ${applicationName} and pid <> ${pid}`,
    );
    return new Set((result as unknown as { rows: { pid: number }[] }).rows.map((row) => Number(row.pid)));
  };

  /** Looks who else listens; alone only if nobody does and nobody said hello while it looked. */
  const lookAround = async (pid: number) => {
    const before = hellosHeard;
    const others = await othersListening(pid);
    if (ownPid !== pid) return others; // the connection changed meanwhile: this look says nothing now
    if (others.size > 0) alone = false;
    else if (hellosHeard === before) alone = true;
    return others;
  };

  const ready = (current: NonNullable<typeof period>) => {
    if (period !== current || current.waitingFor.size > 0) return;
    clearTimeout(helloTimer);
    helloTimer = undefined;
    onReady();
  };

  /** Says hello (again), forgetting those who have gone since; the answers arrive through `heard`. */
  const greet = async (current: NonNullable<typeof period>) => {
    if (period !== current || closed) return;
    try {
      if (current.asked > 0) {
        const still = await othersListening(current.pid);
        for (const pid of current.waitingFor) if (!still.has(pid)) current.waitingFor.delete(pid);
        if (period !== current) return;
        ready(current);
        if (current.waitingFor.size === 0) return;
      }
      current.asked++;
      if (current.asked === HELLOS_BEFORE_WARNING) {
        log.warn(
          { waitingFor: [...current.waitingFor] },
          'other instances have not answered this one’s hello: reading without caches until they do',
        );
      }
      await say({ o: origin, hello: current.hello });
    } catch (err) {
      log.warn({ err }, 'could not greet the other instances: asking again');
    }
    if (period === current && current.waitingFor.size > 0 && !closed) {
      helloTimer = setTimeout(() => void greet(current), HELLO_AGAIN_MS);
      helloTimer.unref();
    }
  };

  const check = async () => {
    if (ownPid === undefined || period?.waitingFor.size) return;
    await lookAround(ownPid).catch((err) => log.warn({ err }, 'could not look for other instances'));
  };

  /** A listening period begins: look who listened before, then greet them until each has answered or gone. */
  const begin = (pid: number) => {
    ownPid = pid;
    const current = { pid, hello: randomUUID(), waitingFor: new Set<number>(), asked: 0 };
    period = current;
    clearTimeout(helloTimer);
    lookAround(pid)
      .then((others) => {
        if (period !== current) return;
        current.waitingFor = others;
        if (others.size === 0) return ready(current);
        return greet(current);
      })
      .catch((err) => {
        log.warn({ err }, 'could not look for other instances: looking again');
        if (period === current && !closed) {
          helloTimer = setTimeout(() => begin(pid), HELLO_AGAIN_MS);
          helloTimer.unref();
        }
      });
    if (!checkTimer && !closed) {
      checkTimer = setInterval(() => void check(), ALONE_CHECK_MS);
      checkTimer.unref();
    }
  };

  return {
    othersMayListen: () => !alone,

    listening: begin,

    lost() {
      alone = false;
      ownPid = undefined;
      period = undefined;
      clearTimeout(helloTimer);
    },

    heard(message) {
      if (message.hello !== undefined) {
        if (message.o === origin) return true;
        // Told from now on: this runs before any later write's commit is looked at (change-feed.ts).
        hellosHeard++;
        alone = false;
        if (ownPid !== undefined) {
          say({ o: origin, ack: message.hello, to: message.o, pid: ownPid }).catch((err) =>
            log.warn({ err }, 'could not answer another instance’s hello: it will ask again'),
          );
        }
        return true;
      }
      if (message.ack !== undefined) {
        const current = period;
        if (message.to === origin && current && message.ack === current.hello && message.pid !== undefined) {
          current.waitingFor.delete(message.pid);
          ready(current);
        }
        return true;
      }
      return false;
    },

    close() {
      closed = true;
      period = undefined;
      clearTimeout(helloTimer);
      clearInterval(checkTimer);
    },
  };
}
