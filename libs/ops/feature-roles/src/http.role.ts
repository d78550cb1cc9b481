import type * as DigestLib from '@bulletin/digest';
import type { HttpPlugin } from '@bulletin/http';
import { adminPlugin } from '@bulletin/admin';
import type { RoleDefinition } from '@bulletin/platform';
import { createChangeFeed, createFeedIndex, createStoryStore, storeKeys } from '@bulletin/store';
import { resolveTaxonomy } from '@bulletin/taxonomy';

/**
 * A feed with no stories yet says it was updated at the epoch: a fixed time, so every HTTP
 * process renders the same bytes (and ETag) for it.
 */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

/**
 * The `http` role: the public HTTP server, made of the plugins each scope contributes (feeds
 * and pages; the push routes of push sources). Reads go
 * through the fail-fast connection: a reader waiting on a lost Redis gets a 503, not a hang.
 */
export const httpRole: RoleDefinition = {
  name: 'http',
  summary: 'serve feeds and story pages to readers',
  async start(platform) {
    // Loaded here, like every role's code, so only a process that serves HTTP loads them.
    const [digestLib, { feedsPlugin }, { pushRoutes }] = await Promise.all([
      import('@bulletin/digest'),
      import('@bulletin/publish'),
      import('@bulletin/sources'),
    ]);
    const { config } = platform;
    const keys = storeKeys(config.prefix);
    // A subscribed connection can do nothing else; it closes with the HTTP server.
    const subscriber = platform.redis.failFast.duplicate();
    subscriber.on('error', (error: Error) =>
      platform.log.warn({ err: error.message }, 'feed change subscriber error'),
    );
    const digest = digestPlugins(platform, digestLib);
    const render = {
      baseUrl: config.http.publicUrl,
      // The home page offers the newsletter wherever the digest pages are served.
      ...(digest.length > 0
        ? { subscribeUrl: `${config.http.publicUrl.replace(/\/+$/, '')}/subscribe` }
        : {}),
      siteTitle: config.publishing.siteTitle,
      emptyUpdated: EMPTY_FEED_UPDATED,
      ...(config.publishing.websubHubs[0] ? { hubUrl: config.publishing.websubHubs[0] } : {}),
    };
    return {
      http: [
        ...digest,
        adminPlugin({
          queues: platform.intake.all(),
          ...config.admin,
          development: config.development,
          log: platform.log,
        }),
        feedsPlugin({
          store: createStoryStore(platform.redis.failFast, keys),
          index: createFeedIndex(platform.redis.failFast, keys),
          topics: resolveTaxonomy(config.enrichment.taxonomyFile).topics,
          render,
          feedSize: config.publishing.feedSize,
          rateLimitPerMinute: config.publishing.rateLimitPerMinute,
          changes: createChangeFeed(subscriber, keys, platform.log),
          onRender: (format) => platform.metrics.feedRenders.inc({ format }),
          log: platform.log,
        }),
        pushRoutes(platform),
      ],
    };
  },
};

/**
 * The digest pages, when links can be signed: with `DIGEST_TOKEN_SECRET`, or its development
 * stand-in. Outside development without a secret, feeds are still served and the digest role
 * is what refuses to start.
 */
function digestPlugins(
  platform: Parameters<RoleDefinition['start']>[0],
  { digestPlugin, openDigest }: typeof DigestLib,
): HttpPlugin[] {
  const { config, log } = platform;
  if (!config.digest.tokenSecret && !config.development) {
    log.warn('digest pages are off: DIGEST_TOKEN_SECRET is not set');
    return [];
  }
  const deps = openDigest({ config, redis: platform.redis.failFast, log });
  platform.shutdown.add('digest pages mailer', () => deps.close(), { phase: 'close' });
  return [digestPlugin(deps)];
}
