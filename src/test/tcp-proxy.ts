import net from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL, for outage tests on a database shared with others: `cut()`
 * resets every connection through it and refuses new ones (as a stopped server does) until `restore()`.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    /** Stops listening (new connections are refused) and resets every open one. */
    cut() {
      open = false;
      server.close();
      for (const socket of sockets) socket.resetAndDestroy();
    },
    async restore() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      open = true;
    },
    async close() {
      open = false;
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((r) => server.close(r));
    },
  };
}
