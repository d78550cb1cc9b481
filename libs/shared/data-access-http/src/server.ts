import { BulletinError } from '@bulletin/errors';
import type { Logger } from '@bulletin/runtime';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerHealthRoutes } from './health.js';
import { toHttpError } from './http-errors.js';
import { guardMethods, MAX_URL_LENGTH } from './method-guard.js';
import type { HttpPlugin, Readiness } from './plugin.js';
import { installSecurityHeaders } from './security-headers.js';

export interface HttpServerOptions {
  /** What each scope contributes; health and readiness are always there. */
  plugins: readonly HttpPlugin[];
  readiness: () => Promise<Readiness>;
  log: Logger;
  /**
   * How long a client may take to send a whole request before its connection is dropped, so
   * a half-sent request cannot hold a connection (or a shutdown) forever. @defaultValue 30000
   */
  requestTimeoutMs?: number;
}

/** The server could not listen where it was told to. */
export class HttpListenError extends BulletinError {
  constructor(code: string, message: string, cause: unknown) {
    super(code, message, { permanent: true, cause });
  }
}

function installErrorMap(app: FastifyInstance, log: Logger): void {
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('not found\n'),
  );
  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error);
    if (answer.status >= 500)
      log.error({ err: error, url: request.routeOptions.url }, 'request failed');
    return reply
      .code(answer.status)
      .headers(answer.headers)
      .type('text/plain; charset=utf-8')
      .send(`${answer.message}\n`);
  });
}

/**
 * Builds (does not start) the one HTTP server of a process from the plugins of the roles it
 * runs: one error map (errors never echo the request), security headers, 405 with `Allow` for
 * known paths, 414 for over-long URLs, `/healthz` and `/readyz`.
 */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    // Long parameters reach the 414 check below instead of failing in the router.
    routerOptions: { maxParamLength: MAX_URL_LENGTH },
    // Errors the router raises before any route or hook runs (a malformed URL) go through
    // the same map, so they never echo the request either.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const answer = toHttpError(error);
      void reply.code(answer.status).type('text/plain; charset=utf-8').send(`${answer.message}\n`);
    },
  });
  const seal = guardMethods(app);
  installSecurityHeaders(app);
  installErrorMap(app, options.log);
  registerHealthRoutes(app, options.readiness);
  for (const plugin of options.plugins) {
    await app.register(async (scope) => plugin.register(scope), { name: plugin.name } as never);
  }
  await app.after();
  seal();
  await app.ready();
  return app;
}

/**
 * Starts listening. @throws HttpListenError naming the cause: `port 3000 is in use`.
 * @returns the address, e.g. `http://127.0.0.1:3000`.
 */
export async function listenHttp(
  app: FastifyInstance,
  where: { host: string; port: number },
): Promise<string> {
  try {
    return await app.listen(where);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new HttpListenError('HTTP_PORT_IN_USE', `port ${where.port} is in use`, error);
    }
    if (code === 'EACCES') {
      throw new HttpListenError(
        'HTTP_PORT_DENIED',
        `no permission to listen on port ${where.port}`,
        error,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new HttpListenError('HTTP_HOST_INVALID', `cannot listen on host ${where.host}`, error);
    }
    throw error;
  }
}

/**
 * Stops accepting at once, lets requests in flight finish for `graceMs`, then drops every
 * connection still open (a client holding a half-sent request included), so closing is bounded.
 */
export async function closeHttp(app: FastifyInstance, graceMs: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
