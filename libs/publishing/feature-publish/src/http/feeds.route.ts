import { NotFoundError } from '@bulletin/http';
import type { FeedFormat } from '@bulletin/render';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeedDocument } from './feed-document.js';
import type { FeedService } from './feed-service.js';

const FORMATS: Record<string, FeedFormat> = { rss: 'rss', atom: 'atom', json: 'json' };

/** `all.rss` → ['all', 'rss']. @throws NotFoundError for an unknown extension. */
function splitFile(file: string): [string, FeedFormat] {
  const dot = file.lastIndexOf('.');
  const format = dot > 0 ? FORMATS[file.slice(dot + 1)] : undefined;
  if (dot <= 0 || !format) throw new NotFoundError('unknown feed format: use .rss, .atom or .json');
  return [file.slice(0, dot), format];
}

function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
function notModified(request: FastifyRequest, doc: FeedDocument): boolean {
  const tags = request.headers['if-none-match'];
  if (tags !== undefined) return etagMatches(tags, doc.etag);
  const since = request.headers['if-modified-since'];
  return since !== undefined && Date.parse(since) >= doc.lastModifiedMs;
}

/** The best encoding the client accepts: br, then gzip, else none (a `q=0` refuses one). */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (refused) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip' || name === '*') gzip = true;
  }
  return gzip ? 'gzip' : undefined;
}

/** Sends a rendered document, or 304, in the encoding the client prefers. */
export function sendDocument(
  doc: FeedDocument,
  request: FastifyRequest,
  reply: FastifyReply,
  cacheControl?: string,
) {
  void reply.headers(doc.headers);
  if (cacheControl !== undefined) void reply.header('cache-control', cacheControl);
  if (notModified(request, doc)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding']);
  void reply.type(doc.contentType);
  if (encoding === undefined) return reply.send(doc.identity);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? doc.br : doc.gzip);
}

/** Archive pages do not change once full; they may be kept a day. */
const ARCHIVE_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

function archivePage(file: string): [number, FeedFormat] {
  const [page, format] = splitFile(file);
  if (!/^[1-9][0-9]{0,8}$/.test(page)) throw new NotFoundError('no such archive page');
  return [Number(page), format];
}

/** Permanent: a renamed topic keeps its new slug, so readers and caches may update. */
function redirect(reply: FastifyReply, location: string) {
  return reply.code(301).header('location', location).send();
}

/**
 * `GET|HEAD /feeds/all.{rss,atom,json}`, `/feeds/topics/{slug}.{rss,atom,json}` and their RFC
 * 5005 archive pages `/feeds/all/archive/{n}.{…}`, `/feeds/topics/{slug}/archive/{n}.{…}`.
 * A topic's former slug (`renamed`: former → current) answers 301 with the current feed, also
 * as `/feeds/{former}.{…}`.
 */
export function registerFeedRoutes(
  app: FastifyInstance,
  feeds: FeedService,
  renamed: ReadonlyMap<string, string> = new Map(),
): void {
  // The hot path answers from the rendered document without a promise in between.
  const serve = (
    feed: string,
    format: FeedFormat,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const ready = feeds.peek(feed, format);
    if (ready) return sendDocument(ready, request, reply);
    return feeds.get(feed, format).then((doc) => sendDocument(doc, request, reply));
  };
  app.get<{ Params: { file: string } }>('/feeds/:file', (request, reply) => {
    const [name, format] = splitFile(request.params.file);
    const current = renamed.get(name);
    if (current !== undefined) return redirect(reply, `/feeds/topics/${current}.${format}`);
    return serve(name, format, request, reply);
  });
  app.get<{ Params: { file: string } }>('/feeds/topics/:file', (request, reply) => {
    const [slug, format] = splitFile(request.params.file);
    const current = renamed.get(slug);
    if (current !== undefined) return redirect(reply, `/feeds/topics/${current}.${format}`);
    return serve(`topics/${slug}`, format, request, reply);
  });
  app.get<{ Params: { file: string } }>('/feeds/all/archive/:file', async (request, reply) => {
    const [page, format] = archivePage(request.params.file);
    return sendDocument(
      await feeds.archive('all', format, page),
      request,
      reply,
      ARCHIVE_CACHE_CONTROL,
    );
  });
  app.get<{ Params: { slug: string; file: string } }>(
    '/feeds/topics/:slug/archive/:file',
    async (request, reply) => {
      const [page, format] = archivePage(request.params.file);
      const current = renamed.get(request.params.slug);
      if (current !== undefined) {
        return redirect(reply, `/feeds/topics/${current}/archive/${page}.${format}`);
      }
      const doc = await feeds.archive(`topics/${request.params.slug}`, format, page);
      return sendDocument(doc, request, reply, ARCHIVE_CACHE_CONTROL);
    },
  );
}
