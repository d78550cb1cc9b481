import { verifyToken } from '@bulletin/newsletter';
import type { FastifyInstance } from 'fastify';
import { field, fieldList } from './form-body.js';
import { page, paragraph, preferencesForm } from './pages.js';
import { sendInvalidLink, sendPage, type DigestHttpDeps } from './respond.js';

/** The subscriber a preferences token names, if it is genuine and their subscription current. */
async function subscriberOf(deps: DigestHttpDeps, token: unknown) {
  const claims = verifyToken(deps.secret, token, 'preferences', deps.now().getTime());
  if (!claims) return undefined;
  const subscriber = await deps.subscribers.get(claims.key);
  return subscriber?.sid === claims.nonce ? subscriber : undefined;
}

/**
 * `GET /preferences?token=` shows a subscriber's topics and edition; `POST /preferences` saves
 * them, drops one topic, or ends the subscription. The token is the only key: no password, and
 * a forged or stale one changes nothing.
 */
export function registerPreferencesRoutes(app: FastifyInstance, deps: DigestHttpDeps): void {
  const title = deps.config.publishing.siteTitle;
  const parts = { topics: deps.topics, editions: deps.config.digest.editions.map((e) => e.name) };
  app.get('/preferences', async (request, reply) => {
    const token = (request.query as Record<string, unknown>)['token'];
    const subscriber = await subscriberOf(deps, token);
    if (!subscriber) return sendInvalidLink(reply, deps);
    const form = preferencesForm(parts, String(token), subscriber.edition, subscriber.topics);
    return sendPage(reply, 200, page(title, 'Your digest', form));
  });
  app.post('/preferences', async (request, reply) => {
    const token = field(request.body, 'token');
    const subscriber = await subscriberOf(deps, token);
    if (!subscriber) return sendInvalidLink(reply, deps);
    const action = field(request.body, 'action');
    const known = new Set(deps.topics.map((topic) => topic.slug));
    let topics = subscriber.topics;
    let edition = subscriber.edition;
    if (action === 'unsubscribe') topics = [];
    else if (action === 'drop-topic')
      topics = topics.filter((slug) => slug !== field(request.body, 'topic'));
    else {
      topics = fieldList(request.body, 'topics').filter((slug) => known.has(slug));
      const chosen = field(request.body, 'edition');
      if (parts.editions.includes(chosen)) edition = chosen;
    }
    await deps.subscribers.update(subscriber, edition, topics);
    if (topics.length === 0) {
      return sendPage(
        reply,
        200,
        page(title, 'Unsubscribed', paragraph('You will get no more digests.')),
      );
    }
    const form = preferencesForm(parts, token, edition, topics);
    return sendPage(reply, 200, page(title, 'Your digest', `${paragraph('Saved.')}\n${form}`));
  });
}
