/**
 * The HTTP server under Fastify, with limits that keep slow or greedy clients from using up the
 * service: a request (headers and body) must arrive within its timeout, an idle keep-alive
 * connection is closed, and one address may hold only so many connections at once.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpLimits {
  /** Seconds a request may take to arrive in full, headers and body (a byte now and then is not enough). */
  requestTimeoutSeconds: number;
  /** Connections one address may hold at once; 0 for no cap (behind a proxy every box shares its address). */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { requestTimeoutSeconds: 60, maxConnectionsPerAddress: 256 };

/**
 * Seconds an idle keep-alive connection stays open: Fastify's 72, longer than the 60 s idle
 * timeout of common load balancers, so that a proxy never reuses a connection the service has
 * just closed (a shorter one made clients' reused connections fail mid-request).
 */
const KEEP_ALIVE_SECONDS = 72;

/** A Fastify serverFactory with these limits. */
export const limitedServer =
  (limits: HttpLimits) =>
  (handler: RequestListener): Server => {
    const requestTimeout = limits.requestTimeoutSeconds * 1000;
    const server = createServer(
      {
        requestTimeout,
        headersTimeout: Math.min(requestTimeout, 20_000),
        keepAliveTimeout: KEEP_ALIVE_SECONDS * 1000,
        // How often Node looks for requests past their timeout (30 s by default): a tenth of it.
        connectionsCheckingInterval: Math.max(250, requestTimeout / 10),
      },
      handler,
    );
    if (limits.maxConnectionsPerAddress > 0) capConnections(server, limits.maxConnectionsPerAddress);
    return server;
  };

const capConnections = (server: Server, cap: number) => {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left) open.set(address, left);
      else open.delete(address);
    });
  });
};
