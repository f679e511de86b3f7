import net from "node:net";

/**
 * A load balancer in miniature: one address in front of several API
 * processes, forwarding every TCP connection to the current upstream. Going
 * offline cuts every open connection and refuses new ones; switching sends
 * new connections to another process, as a balancer does when one goes away.
 */
export interface SwitchingProxy {
  url: string;
  route(upstreamPort: number | null): void;
  close(): Promise<void>;
}

export async function startSwitchingProxy(upstreamPort: number): Promise<SwitchingProxy> {
  let upstream: number | null = upstreamPort;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (upstream === null) {
      client.destroy();
      return;
    }
    const target = net.connect(upstream, "127.0.0.1");
    open.add(client);
    open.add(target);
    const forget = () => {
      client.destroy();
      target.destroy();
      open.delete(client);
      open.delete(target);
    };
    client.on("error", forget).on("close", forget);
    target.on("error", forget).on("close", forget);
    client.pipe(target).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    route: (port) => {
      upstream = port;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
