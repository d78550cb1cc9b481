import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { HttpPlugin } from '@bulletin/http';
import type { Logger } from '@bulletin/runtime';
import type { Queue } from 'bullmq';
import { isAuthorized } from './admin-auth.js';

/** Where the dashboard lives. */
export const ADMIN_PATH = '/admin/queues';

/** Bull Board's page loads its own scripts and styles; nothing else, and never framed. */
const ADMIN_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; frame-ancestors 'none'";

export interface AdminPluginOptions {
  /** Every queue of the pipeline, on the fail-fast connection. */
  queues: readonly Queue[];
  /** `ADMIN_TOKEN`; without one the area is open only in development. */
  token: string | undefined;
  readOnly: boolean;
  development: boolean;
  log: Logger;
}

function mountBoard(options: AdminPluginOptions): FastifyAdapter {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(ADMIN_PATH);
  createBullBoard({
    queues: options.queues.map(
      (queue) => new BullMQAdapter(queue, { readOnlyMode: options.readOnly }),
    ),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'bulletin' } },
  });
  return adapter;
}

/**
 * Bull Board over every queue at `/admin/queues`, behind `ADMIN_TOKEN` (bearer, or the basic
 * auth password). Outside development with no token the area is not mounted and says why with
 * a 503, so a forgotten token never leaves the queues open to anyone.
 */
export function adminPlugin(options: AdminPluginOptions): HttpPlugin {
  const { token } = options;
  return {
    name: 'admin',
    async register(app) {
      if (token === undefined && !options.development) {
        options.log.warn('admin area disabled: set ADMIN_TOKEN to open /admin/queues');
        app.all(`${ADMIN_PATH}*`, (_request, reply) =>
          reply
            .code(503)
            .type('text/plain; charset=utf-8')
            .send('admin area disabled: no ADMIN_TOKEN\n'),
        );
        return;
      }
      app.addHook('onRequest', (request, reply, done) => {
        if (token === undefined || isAuthorized(request.headers.authorization, token))
          return done();
        void reply
          .code(401)
          .header('www-authenticate', 'Basic realm="bulletin admin", charset="UTF-8"')
          .type('text/plain; charset=utf-8')
          .send('authentication required\n');
      });
      app.addHook('onSend', (_request, reply, payload, done) => {
        void reply.header('content-security-policy', ADMIN_CSP).header('cache-control', 'no-store');
        done(null, payload);
      });
      await app.register(mountBoard(options).registerPlugin(), { prefix: ADMIN_PATH });
      options.log.info(
        {
          path: ADMIN_PATH,
          readOnly: options.readOnly,
          auth: token === undefined ? 'none (development)' : 'token',
        },
        'admin area mounted',
      );
    },
  };
}
