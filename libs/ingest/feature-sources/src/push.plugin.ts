import type { PushSourceDefinition } from '@bulletin/config';
import type { IngestJobData } from '@bulletin/contracts';
import { BulletinError } from '@bulletin/errors';
import { BadRequestError, type HttpPlugin } from '@bulletin/http';
import { RedisUnavailableError } from '@bulletin/redis';
import { toIngestData } from '@bulletin/sources-io';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createPushAuth } from './push-auth.js';
import type { TakenPayload } from './take-payload.js';

export interface PushPluginOptions {
  sources: readonly PushSourceDefinition[];
  /** Takes a payload in (parse, keep, enqueue on the fail-fast connection). */
  take: (data: IngestJobData) => Promise<TakenPayload>;
  /** `INGEST_MAX_BYTES`: a larger body is refused with 413 before it is read. */
  maxBytes: number;
  now: () => Date;
}

/** What a wire may push: the formats bulletin detects. Anything else is a 415. */
export const PUSH_MEDIA_TYPES = [
  'text/plain',
  'text/html',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/nitf+xml',
  'application/json',
  'application/ninjs+json',
  'application/vnd.iptc.ninjs+json',
];

/**
 * `POST /ingest/{source}` and `POST /ingest` (the source found by its token): a wire pushes one
 * payload with `Authorization: Bearer <token>`. The token is checked before the body is read.
 * Answers 202 with the ids the ingest stage will give the stories; 401, 403, 404, 413, 415, or
 * 400 with the reason a payload cannot be parsed. Never echoes the token or the body.
 */
export function pushPlugin(options: PushPluginOptions): HttpPlugin {
  const auth = createPushAuth(options.sources);
  const pushedAs = new WeakMap<FastifyRequest, PushSourceDefinition>();
  const authorise = async (request: FastifyRequest) => {
    const { source } = request.params as { source?: string };
    pushedAs.set(request, auth.authorise(request.headers.authorization, source));
  };
  const accept = async (request: FastifyRequest, reply: FastifyReply) => {
    const source = pushedAs.get(request) as PushSourceDefinition;
    const body = request.body as Buffer | undefined;
    if (!body || body.length === 0) throw new BadRequestError('the body is empty');
    const contentType = request.headers['content-type']?.slice(0, 200);
    const data = toIngestData(body, {
      source: { id: source.id, name: source.name },
      receivedAt: options.now().toISOString(),
      ...(contentType ? { contentType } : {}),
    });
    const taken = await options.take(data).catch((error: unknown) => {
      if (error instanceof BulletinError) throw error;
      throw new RedisUnavailableError('cannot queue the payload now', { cause: error });
    });
    return reply.code(202).send({
      source: source.id,
      stories: taken.stories.map((story) => story.id),
      rejected: taken.rejected,
    });
  };
  return {
    name: 'push',
    register(app) {
      app.removeAllContentTypeParsers();
      app.addContentTypeParser(
        PUSH_MEDIA_TYPES,
        { parseAs: 'buffer', bodyLimit: options.maxBytes },
        (_request, body, done) => done(null, body),
      );
      app.post('/ingest', { onRequest: authorise }, accept);
      app.post('/ingest/:source', { onRequest: authorise }, accept);
    },
  };
}
