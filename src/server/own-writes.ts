import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChangeFeed } from './change-feed.js';

/*
 * Read your own writes on any instance. Another instance hears of a write by NOTIFY a moment after the writer
 * has answered, so a browser whose next request goes there could be served a cached copy from before it. Each
 * committed batch of changes gets a number (change-feed.ts); the answer to a write sets a short-lived cookie
 * with it, and an instance that has not yet heard that number answers the request from the database, not from
 * its caches (read-cache.ts). Once heard, the caches have already forgotten what the write changed. For
 * everyone else's reads the write's answer waits until its NOTIFY has come back to the writer's own listening
 * connection: PostgreSQL sends it to every listener at once, so the others have it before anyone could ask.
 *
 * Only on PostgreSQL, where other instances exist: the embedded PGlite has one process, which hears its own
 * writes as they commit. And only for requests that need it (writes, and reads carrying a mark): a context
 * for every request (AsyncLocalStorage, as @fastify/request-context keeps one) cost a third of a cached
 * read's throughput.
 */

export const SEEN_COOKIE = 'waymark_seen';
/** Long enough for the slowest NOTIFY to arrive; the instances keep what they heard for longer (change-feed.ts). */
const SEEN_MAX_AGE_S = 30;
/** Past this, a write answers without its echo (a listening connection that is slow or being replaced). */
const ECHO_WAIT_MS = 200;

interface OwnWrites {
  /** This request must not be served from caches (it carries a change this instance has not heard yet). */
  readsUncached: boolean;
  /** The newest change number this request's writes committed. */
  wrote?: number;
}

const requests = new AsyncLocalStorage<OwnWrites>();
const contexts = new WeakMap<FastifyRequest, { state: OwnWrites; resource: AsyncResource }>();

/** Whether the request being served must read past the caches. */
export function readsUncached(): boolean {
  return requests.getStore()?.readsUncached === true;
}

/** Called when changes this request made committed with number `seq` (outside a request, nothing happens). */
export function noteOwnWrite(seq: number) {
  const state = requests.getStore();
  if (state && (state.wrote ?? 0) < seq) state.wrote = seq;
}

const seenIn = (cookieHeader: string | undefined): number | undefined => {
  const match = cookieHeader?.match(/(?:^|;\s*)waymark_seen=(\d{1,15})(?:;|$)/);
  return match ? Number(match[1]) : undefined;
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOwnWrites(app: FastifyInstance, changes: ChangeFeed, secure: boolean) {
  app.addHook('onRequest', (req, _reply, done) => {
    const seen = seenIn(req.headers.cookie);
    if (seen === undefined && READS.has(req.method)) return done();
    const state: OwnWrites = { readsUncached: seen !== undefined && !changes.hasHeard(seen) };
    // The handler runs in the request's context: entered here, and again after the body is parsed, which
    // happens in the socket's own async context (as @fastify/request-context does it).
    requests.run(state, () => {
      const resource = new AsyncResource('waymark-own-writes');
      contexts.set(req, { state, resource });
      resource.runInAsyncScope(done, req.raw);
    });
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const context = contexts.get(req);
    if (!context) return done();
    context.resource.runInAsyncScope(done, req.raw);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    const wrote = contexts.get(req)?.state.wrote;
    if (wrote === undefined) return done(null, payload);
    // Other people's next reads: they carry no mark, so the answer waits (about a millisecond) until this
    // instance hears its own NOTIFY back, which PostgreSQL sends every listening instance at the same moment.
    changes.untilEchoed(wrote, ECHO_WAIT_MS).then(() => {
      reply.header(
        'set-cookie',
        `${SEEN_COOKIE}=${wrote}; Path=/; Max-Age=${SEEN_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
      );
      done(null, payload);
    }, done);
  });
}
