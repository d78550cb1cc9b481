import { BadRequestError } from '@bulletin/http';
import {
  OPML_CONTENT_TYPE,
  renderOpml,
  renderStoryList,
  type RenderContext,
} from '@bulletin/render';
import type { FeedIndex, StoryStore } from '@bulletin/store';
import type { FastifyInstance } from 'fastify';
import type { FeedService } from './feed-service.js';
import { sendDocument } from './feeds.route.js';

const MAX_LIMIT = 100;

interface ApiQuery {
  topic?: string;
  since?: string;
  cursor?: string;
  limit?: string;
}

/** The last entry of a page, opaque to clients: `date.id` in base64url. */
function encodeCursor(entry: { id: string; date: number }): string {
  return Buffer.from(`${entry.date}.${entry.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { id: string; date: number } {
  const match = /^(-?\d{1,16})\.([a-z0-9]{16,64})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!match) throw new BadRequestError('cursor is not one this API gave out');
  return { date: Number(match[1]), id: match[2] ?? '' };
}

function parseQuery(query: ApiQuery, feeds: FeedService) {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequestError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const since = query.since === undefined ? undefined : Date.parse(query.since);
  if (
    since !== undefined &&
    (Number.isNaN(since) || !/^\d{4}-\d{2}-\d{2}/.test(query.since ?? ''))
  ) {
    throw new BadRequestError('since must be an ISO 8601 date or date-time');
  }
  const feed = query.topic === undefined ? 'all' : `topics/${query.topic}`;
  if (!feeds.catalog.keys().includes(feed))
    throw new BadRequestError('topic is not one of the site’s topics');
  return {
    feed,
    limit,
    since,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
  };
}

/**
 * The site's front door: `GET /` (topics, their feeds, the latest stories), `GET /feeds.opml`
 * (every feed, for a reader to import) and `GET /api/stories` (published stories newest first,
 * cursor-paged, for other newsrooms' systems).
 */
export function registerSiteRoutes(
  app: FastifyInstance,
  feeds: FeedService,
  deps: {
    store: Pick<StoryStore, 'getMany'>;
    index: Pick<FeedIndex, 'page'>;
    render: RenderContext;
  },
): void {
  const opml = Buffer.from(
    renderOpml(
      feeds.catalog.keys().map((key) => feeds.catalog.descriptor(key)),
      deps.render,
    ),
  );
  app.get('/', async (request, reply) => sendDocument(await feeds.indexPage(), request, reply));
  app.get('/feeds.opml', async (_request, reply) =>
    reply.type(OPML_CONTENT_TYPE).header('cache-control', 'public, max-age=3600').send(opml),
  );
  app.get<{ Querystring: ApiQuery }>('/api/stories', async (request, reply) => {
    const { feed, limit, since, after } = parseQuery(request.query, feeds);
    const entries = await deps.index.page(feed, {
      limit: limit + 1,
      ...(since === undefined ? {} : { since }),
      ...(after ? { after } : {}),
    });
    const shown = entries.slice(0, limit);
    const stories = await deps.store.getMany(shown.map((entry) => entry.id));
    const last = shown.at(-1);
    const query = {
      ...(request.query.topic === undefined ? {} : { topic: request.query.topic }),
      ...(request.query.since === undefined ? {} : { since: request.query.since }),
      limit,
    };
    const body = renderStoryList(
      {
        stories,
        ...(entries.length > limit && last ? { nextCursor: encodeCursor(last) } : {}),
        query,
      },
      deps.render,
    );
    return reply
      .header('cache-control', 'public, max-age=30')
      .type('application/json; charset=utf-8')
      .send(body);
  });
}
