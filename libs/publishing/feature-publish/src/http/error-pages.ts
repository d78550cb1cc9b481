import { toHttpError } from '@bulletin/http';
import { renderErrorPage, type RenderContext } from '@bulletin/render';
import type { Logger } from '@bulletin/runtime';
import type { FastifyInstance } from 'fastify';

/**
 * How this plugin's errors look: people on story pages get a page, feed readers and scripts a
 * line of text. The status and message come from the one error map.
 */
export function presentErrors(app: FastifyInstance, render: RenderContext, log: Logger): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error);
    if (answer.status >= 500) {
      log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    }
    void reply.code(answer.status).headers(answer.headers);
    if (request.url.startsWith('/stories/') && !request.url.split('?')[0]?.endsWith('.json')) {
      return reply
        .type('text/html; charset=utf-8')
        .send(renderErrorPage(answer.status, answer.message, render));
    }
    return reply.type('text/plain; charset=utf-8').send(`${answer.message}\n`);
  });
}
