import { adminPlugin } from '@bulletin/admin';
import type { RoleDefinition } from '@bulletin/platform';
import { feedsPlugin } from '@bulletin/publish';
import { createChangeFeed, createFeedIndex, createStoryStore, storeKeys } from '@bulletin/store';
import { defaultTaxonomy } from '@bulletin/taxonomy';

/**
 * A feed with no stories yet says it was updated at the epoch: a fixed time, so every HTTP
 * process renders the same bytes (and ETag) for it.
 */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

/**
 * The `http` role: the public HTTP server, made of the plugins each scope contributes. Reads go
 * through the fail-fast connection: a reader waiting on a lost Redis gets a 503, not a hang.
 */
export const httpRole: RoleDefinition = {
  name: 'http',
  summary: 'serve feeds and story pages to readers',
  start(platform) {
    const { config } = platform;
    const keys = storeKeys(config.prefix);
    // A subscribed connection can do nothing else; it closes with the HTTP server.
    const subscriber = platform.redis.failFast.duplicate();
    subscriber.on('error', (error: Error) =>
      platform.log.warn({ err: error.message }, 'feed change subscriber error'),
    );
    const render = {
      baseUrl: config.http.publicUrl,
      siteTitle: config.publishing.siteTitle,
      emptyUpdated: EMPTY_FEED_UPDATED,
      ...(config.publishing.websubHubs[0] ? { hubUrl: config.publishing.websubHubs[0] } : {}),
    };
    return {
      http: [
        adminPlugin({
          queues: platform.intake.all(),
          ...config.admin,
          log: platform.log,
        }),
        feedsPlugin({
          store: createStoryStore(platform.redis.failFast, keys),
          index: createFeedIndex(platform.redis.failFast, keys),
          topics: defaultTaxonomy.topics,
          render,
          feedSize: config.publishing.feedSize,
          rateLimitPerMinute: config.publishing.rateLimitPerMinute,
          changes: createChangeFeed(subscriber, keys, platform.log),
          log: platform.log,
        }),
      ],
    };
  },
};
