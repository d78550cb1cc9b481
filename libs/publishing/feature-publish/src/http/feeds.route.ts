import type { FeedFormat } from '@bulletin/render';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeedService } from './feed-service.js';
import { NotFoundError } from '@bulletin/http';

const FORMATS: Record<string, FeedFormat> = { rss: 'rss', atom: 'atom', json: 'json' };

/** `all.rss` → ['all', 'rss']. @throws NotFoundError for an unknown extension. */
function splitFile(file: string): [string, FeedFormat] {
  const dot = file.lastIndexOf('.');
  const format = dot > 0 ? FORMATS[file.slice(dot + 1)] : undefined;
  if (dot <= 0 || !format) {
    throw new NotFoundError('unknown feed format: use .rss, .atom or .json');
  }
  return [file.slice(0, dot), format];
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

async function sendFeed(
  feeds: FeedService,
  key: string,
  format: FeedFormat,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const feed = await feeds.get(key, format);
  void reply.header('etag', feed.etag).header('cache-control', 'public, max-age=60');
  if (etagMatches(request.headers['if-none-match'], feed.etag)) return reply.code(304).send();
  return reply.type(feed.contentType).send(feed.body);
}

/** `GET /feeds/all.{rss,atom,json}` and `GET /feeds/topics/{slug}.{rss,atom,json}`. */
export function registerFeedRoutes(app: FastifyInstance, feeds: FeedService): void {
  app.get<{ Params: { file: string } }>('/feeds/:file', async (request, reply) => {
    const [name, format] = splitFile(request.params.file);
    return sendFeed(feeds, name, format, request, reply);
  });
  app.get<{ Params: { file: string } }>('/feeds/topics/:file', async (request, reply) => {
    const [slug, format] = splitFile(request.params.file);
    return sendFeed(feeds, `topics/${slug}`, format, request, reply);
  });
}
