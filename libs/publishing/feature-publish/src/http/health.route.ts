import type { FastifyInstance } from 'fastify';

/** `GET /healthz`: 200 while Redis answers, 503 otherwise. */
export function registerHealthRoute(app: FastifyInstance, ping: () => Promise<boolean>): void {
  app.get('/healthz', async (_request, reply) => {
    const redis = await ping().catch(() => false);
    return reply.code(redis ? 200 : 503).send({ status: redis ? 'ok' : 'unavailable', redis });
  });
}
