import type { RenderContext } from '@bulletin/render';
import type { Logger } from '@bulletin/runtime';
import type { StoryStore } from '@bulletin/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandling } from './error-handler.js';
import type { FeedService } from './feed-service.js';
import { registerFeedRoutes } from './feeds.route.js';
import { registerHealthRoute } from './health.route.js';
import { installSecurityHeaders } from './security-headers.js';
import { registerStoryRoute } from './story.route.js';

export interface ServerOptions {
  feeds: FeedService;
  store: Pick<StoryStore, 'get'>;
  render: RenderContext;
  /** Resolves true while Redis answers. */
  ping: () => Promise<boolean>;
  log: Logger;
}

/** Builds (does not start) the publisher's HTTP server. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, return503OnClosing: true, forceCloseConnections: 'idle' });
  installSecurityHeaders(app);
  installErrorHandling(app, options.render, options.log);
  registerFeedRoutes(app, options.feeds);
  registerStoryRoute(app, options.store, options.render);
  registerHealthRoute(app, options.ping);
  return app;
}
