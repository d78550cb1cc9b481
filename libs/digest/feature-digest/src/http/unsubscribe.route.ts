import { verifyToken } from '@bulletin/newsletter';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { field } from './form-body.js';
import { page, paragraph, unsubscribeButton } from './pages.js';
import { sendInvalidLink, sendPage, type DigestHttpDeps } from './respond.js';

function tokenOf(request: FastifyRequest): unknown {
  return (request.query as Record<string, unknown>)['token'] ?? field(request.body, 'token');
}

/**
 * RFC 8058 one-click unsubscribe. `GET /unsubscribe?token=` only shows a button (mail scanners
 * follow links); `POST` (the client's `List-Unsubscribe=One-Click`, or the button) ends the
 * subscription and answers 200. A forged, altered or stale token changes nothing.
 */
export function registerUnsubscribeRoutes(app: FastifyInstance, deps: DigestHttpDeps): void {
  const title = deps.config.publishing.siteTitle;
  app.get('/unsubscribe', (request, reply) => {
    const token = tokenOf(request);
    if (!verifyToken(deps.secret, token, 'unsubscribe', deps.now().getTime()))
      return sendInvalidLink(reply, deps);
    const body =
      paragraph('Press the button to stop getting digests.') + unsubscribeButton(String(token));
    return sendPage(reply, 200, page(title, 'Unsubscribe', body));
  });
  app.post('/unsubscribe', async (request, reply) => {
    const claims = verifyToken(deps.secret, tokenOf(request), 'unsubscribe', deps.now().getTime());
    if (!claims) return sendInvalidLink(reply, deps);
    const subscriber = await deps.subscribers.get(claims.key);
    if (subscriber?.sid === claims.nonce) {
      await deps.subscribers.remove(claims.key);
      deps.log.info({ subscriber: claims.key }, 'unsubscribed');
    }
    return sendPage(
      reply,
      200,
      page(title, 'Unsubscribed', paragraph('You will get no more digests.')),
    );
  });
}
