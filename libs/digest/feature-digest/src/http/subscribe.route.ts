import { randomBytes } from 'node:crypto';
import { BadRequestError } from '@bulletin/http';
import { addressKey, InvalidAddressError, normaliseAddress } from '@bulletin/newsletter';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendConfirmation } from '../confirmation.js';
import type { createClientLimit } from './client-limit.js';
import { field, fieldList } from './form-body.js';
import { page, paragraph, subscribeForm } from './pages.js';
import { sendPage, type DigestHttpDeps } from './respond.js';

const PENDING =
  'Thank you. If that address can receive mail, a confirmation link is on its way; the subscription starts once you follow it.';

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/json');
}

/** The request's address, topics and edition, checked. @throws BadRequestError */
function readRequest(deps: DigestHttpDeps, body: unknown) {
  let email: string;
  try {
    email = normaliseAddress(field(body, 'email'));
  } catch (error) {
    if (error instanceof InvalidAddressError) throw new BadRequestError(error.message);
    throw error;
  }
  const known = new Set(deps.topics.map((topic) => topic.slug));
  const topics = [...new Set(fieldList(body, 'topics'))];
  if (topics.length === 0 || topics.some((slug) => !known.has(slug))) {
    throw new BadRequestError('choose one or more topics from the list');
  }
  const editions = deps.config.digest.editions.map((e) => e.name);
  const edition = field(body, 'edition') || editions[0] || '';
  if (!editions.includes(edition))
    throw new BadRequestError(`edition must be one of ${editions.join(', ')}`);
  return { email, topics, edition };
}

/**
 * `GET /subscribe` shows the form; `POST /subscribe` (form or JSON) records the request and,
 * outside the address's cooldown, sends one confirmation. The answer is the same whether the
 * address is known or not, and comes before any mail is sent.
 */
export function registerSubscribeRoutes(
  app: FastifyInstance,
  deps: DigestHttpDeps,
  limit: ReturnType<typeof createClientLimit>,
): void {
  const title = deps.config.publishing.siteTitle;
  const parts = { topics: deps.topics, editions: deps.config.digest.editions.map((e) => e.name) };
  app.get('/subscribe', (_request, reply) =>
    sendPage(reply, 200, page(title, 'Subscribe to the digest', subscribeForm(parts))),
  );
  app.post('/subscribe', async (request, reply) => {
    if (!limit.take(request.ip)) {
      return reply
        .code(429)
        .header('retry-after', '60')
        .type('text/plain; charset=utf-8')
        .send('too many requests: slow down\n');
    }
    const wanted = readRequest(deps, request.body);
    const key = addressKey(deps.secret, wanted.email);
    const nonce = randomBytes(16).toString('base64url');
    const { confirmTtlMs, confirmCooldownMs } = deps.config.digest;
    const granted = await deps.subscribers.request(
      { key, ...wanted },
      nonce,
      confirmTtlMs,
      confirmCooldownMs,
    );
    if (granted) {
      sendConfirmation(deps, { key, ...wanted }, granted).catch((error: unknown) =>
        deps.log.warn({ subscriber: key, err: (error as Error).message }, 'confirmation not sent'),
      );
    }
    if (wantsJson(request)) return reply.code(202).send({ status: 'pending', message: PENDING });
    return sendPage(reply, 202, page(title, 'Check your inbox', paragraph(PENDING)));
  });
}
