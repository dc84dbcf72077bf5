/** A `node:http` server on 127.0.0.1 and an ephemeral port, for tests that need a real peer. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  server: Server;
  /** Drops open connections (a pending slow answer must not hold the test run) and closes. */
  close(): Promise<void>;
}

/** Starts `listener` on loopback; close it in `afterAll`. */
export async function startLoopbackServer(listener: RequestListener): Promise<LoopbackServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
