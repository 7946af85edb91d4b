import pg from 'pg';

export interface ListenerOptions {
  url: string;
  channel: string;
  /** Shown in pg_stat_activity, so an operator (or a test) can tell this connection from the pool's. */
  applicationName: string;
  onNotification: (payload: string) => void;
  /** LISTEN is in place: from now on every notification on the channel arrives (`pid`: the connection's backend). */
  onListening: (pid: number) => void;
  /** The connection is gone: notifications may be missed until onListening is called again. */
  onLost: (err: Error) => void;
  /** First wait before connecting again; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * A connection of its own that LISTENs on one channel and keeps doing so: when the connection fails (the
 * server restarted, `pg_terminate_backend`, a network cut noticed by TCP keep-alive), it reports the loss at
 * once and connects again with back-off until it listens again. Never throws into the process.
 */
export function listenForNotifications(options: ListenerOptions): { close(): Promise<void> } {
  const first = options.backoffMs ?? 100;
  const max = options.maxBackoffMs ?? 5_000;
  let wait = first;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const lost = (failed: pg.Client, err: Error) => {
    if (client !== failed) return; // already reported for this connection
    client = undefined;
    failed.removeAllListeners('notification');
    failed.end().catch(() => {});
    options.onLost(err);
    schedule();
  };

  const schedule = () => {
    if (closed) return;
    timer = setTimeout(connect, wait);
    wait = Math.min(wait * 2, max);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.url,
      application_name: options.applicationName,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = next;
    next.on('error', (err) => lost(next, err));
    next.on('end', () => lost(next, new Error('the listening connection ended')));
    next.on('notification', (message) => {
      if (message.channel === options.channel && message.payload !== undefined) options.onNotification(message.payload);
    });
    let pid: number;
    try {
      await next.connect();
      // Named so even where the URL names every connection (`?application_name=`, which wins over the option):
      // instances find each other's listeners by this name (server/change-feed-peers.ts).
      await next.query(`SET application_name = '${options.applicationName.replaceAll("'", "''")}'`);
      await next.query(`LISTEN "${options.channel}"`);
      pid = Number((await next.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid);
    } catch (err) {
      lost(next, err as Error);
      return;
    }
    if (closed || client !== next) return;
    wait = first;
    options.onListening(pid);
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
