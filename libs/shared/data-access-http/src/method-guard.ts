import type { FastifyInstance } from 'fastify';

/** The longest request target bulletin reads; longer ones get 414 without being echoed. */
export const MAX_URL_LENGTH = 2048;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/**
 * Remembers the methods of every route, so that once the plugins are registered a known path
 * asked with another method answers 405 with `Allow` instead of 404. Call before registering
 * plugins; call the returned function after.
 */
export function guardMethods(app: FastifyInstance): () => void {
  const routes = new Map<string, Set<string>>();
  let sealed = false;
  app.addHook('onRoute', (route) => {
    if (sealed) return;
    const methods = routes.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    routes.set(route.url, methods);
  });
  // Callback style: every request passes here, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    void reply.code(414).type('text/plain; charset=utf-8').send('request URI too long\n');
  });
  return () => {
    sealed = true;
    for (const [url, methods] of routes) {
      // A plugin's prefix may also have declared the same path in another spelling (`/x/`).
      const missing = METHODS.filter(
        (method) => !methods.has(method) && !app.hasRoute({ method, url }),
      );
      if (missing.length === 0) continue;
      const allow = [...methods].sort().join(', ');
      app.route({
        method: missing,
        url,
        handler: (_request, reply) =>
          reply
            .code(405)
            .header('allow', allow)
            .type('text/plain; charset=utf-8')
            .send('method not allowed\n'),
      });
    }
  };
}
