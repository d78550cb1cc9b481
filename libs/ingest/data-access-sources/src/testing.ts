/**
 * A real local HTTP server playing a wire's feed for tests: each path answers as its route
 * says (validators and 304s, redirects, slow and oversized answers, compressed bodies).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WireRoute = (request: IncomingMessage, response: ServerResponse) => void;

export interface WireServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Requests received per path, with their headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  route(path: string, handler: WireRoute): void;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startWireServer(): Promise<WireServer> {
  const routes = new Map<string, WireRoute>();
  const requests: WireServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) return handler(request, response);
    response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering `body` with a strong ETag, and 304 to a request that already has it. */
export function conditionalRoute(
  body: string,
  etag: string,
  contentType = 'application/rss+xml; charset=utf-8',
): WireRoute {
  return (request, response) => {
    if (request.headers['if-none-match'] === etag)
      return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { etag, 'content-type': contentType }).end(body);
  };
}
