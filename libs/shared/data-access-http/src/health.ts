import type { FastifyInstance } from 'fastify';
import type { Readiness } from './plugin.js';

/**
 * `GET /healthz`: 200 while the process is alive and serving. `GET /readyz`: 200 when it can do
 * its work (Redis answers, its workers are running), else 503 with the reason.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  readiness: () => Promise<Readiness>,
): void {
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    const state = await readiness().catch((): Readiness => ({
      ready: false,
      checks: {},
      reason: 'readiness check failed',
    }));
    return reply
      .code(state.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: state.ready ? 'ready' : 'not ready', ...state });
  });
}
