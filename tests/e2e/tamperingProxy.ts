/**
 * A proxy between the box and its service that alters chosen responses on the wire. Unlike
 * Playwright's routes, which turn the browser's HTTP cache off, it lets the browser cache
 * what it was sent, as a box behind a bad CDN edge or a transparent proxy would.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TamperingProxy {
  url: string;
  /** Every path asked for through the proxy, in order. */
  requests: string[];
  stop(): Promise<void>;
}

/** `alter` sees each response body (uncompressed) with its path, and returns what the box gets. */
export const startTamperingProxy = (
  target: string,
  alter: (path: string, body: Buffer) => Buffer,
): Promise<TamperingProxy> => {
  const requests: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    requests.push(path);
    const headers = { ...incoming.headers, host: upstream.host };
    // Bodies are altered as text: the service is asked for them uncompressed.
    delete headers['accept-encoding'];
    const proxied = forward(
      { hostname: upstream.hostname, port: upstream.port, path, method: incoming.method, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = alter(path, Buffer.concat(chunks));
          const sent = { ...answer.headers, 'content-length': String(body.length) };
          delete sent['transfer-encoding'];
          outgoing.writeHead(answer.statusCode ?? 502, sent);
          outgoing.end(body);
        });
      },
    );
    proxied.on('error', () => outgoing.destroy());
    incoming.pipe(proxied);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        stop: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())),
      });
    });
  });
};
