import { randomBytes } from 'node:crypto';
import { verifyToken } from '@bulletin/newsletter';
import type { FastifyInstance } from 'fastify';
import { subscriberLinks } from '../links.js';
import { page, paragraph } from './pages.js';
import { sendInvalidLink, sendPage, type DigestHttpDeps } from './respond.js';

/** `GET /confirm?token=`: activates the pending request once; a spent or expired link is refused. */
export function registerConfirmRoute(app: FastifyInstance, deps: DigestHttpDeps): void {
  app.get('/confirm', async (request, reply) => {
    const now = deps.now();
    const token = (request.query as Record<string, unknown>)['token'];
    const claims = verifyToken(deps.secret, token, 'confirm', now.getTime());
    if (!claims) return sendInvalidLink(reply, deps);
    const sid = randomBytes(12).toString('base64url');
    const subscriber = await deps.subscribers.confirm(claims.key, claims.nonce, sid, now);
    if (!subscriber) return sendInvalidLink(reply, deps);
    deps.log.info(
      { subscriber: subscriber.key, edition: subscriber.edition },
      'subscription confirmed',
    );
    const links = subscriberLinks(deps, subscriber, now.getTime());
    const body =
      paragraph(`You are subscribed to the ${subscriber.edition} digest.`) +
      `\n<p><a href="${links.preferences.replace(/&/g, '&amp;')}">Change your topics or edition</a></p>`;
    return sendPage(
      reply,
      200,
      page(deps.config.publishing.siteTitle, 'Subscription confirmed', body),
    );
  });
}
