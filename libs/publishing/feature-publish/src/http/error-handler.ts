import { renderErrorPage, type RenderContext } from '@bulletin/render';
import type { Logger } from '@bulletin/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, toHttpError } from './http-errors.js';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  message: string,
  render: RenderContext,
) {
  // Feed readers and scripts get plain text; people on story pages get a page.
  if (request.url.startsWith('/stories/')) {
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(status, message, render));
  }
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** The one place errors become HTTP responses. */
export function installErrorHandling(
  app: FastifyInstance,
  render: RenderContext,
  log: Logger,
): void {
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, `no such page: ${request.url}`, render),
  );
  app.setErrorHandler((error, request, reply) => {
    const { status, message } = toHttpError(error);
    if (status >= 500) log.error({ err: error, url: request.url }, 'request failed');
    else if (!(error instanceof NotFoundError))
      log.debug({ err: error, url: request.url }, 'bad request');
    return send(reply, request, status, message, render);
  });
}
