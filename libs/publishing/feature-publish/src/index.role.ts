import type { RoleDefinition } from '@bulletin/platform';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { processPublish } from './publish.processor.js';
import { processNotify } from './websub/notify-hubs.processor.js';
import { FEED_FORMATS, feedUrl } from '@bulletin/render';

/**
 * The `index` role: the publish stage's worker. Tagged stories in; stories, their lifecycle
 * and the feed indexes out. It runs apart from the HTTP server, so readers and indexing scale
 * apart.
 */
export const indexRole: RoleDefinition = {
  name: 'index',
  summary: 'publish tagged stories: versions, embargoes, kills, feed indexes, WebSub pings',
  start(platform) {
    const { config } = platform;
    const store = createStoryStore(platform.redis.patient, storeKeys(config.prefix));
    const { websubHubs: hubs, duplicates } = config.publishing;
    // A burst of publications in one feed becomes one notification a second later.
    const changed = async (feeds: readonly string[]) => {
      if (hubs.length === 0) return;
      await platform.queues.add(
        'notify',
        feeds.map((feed) => ({ feed })),
        { runAt: Date.now() + 1000, dedupe: { ms: 1000, id: ({ feed }) => feed } },
      );
    };
    platform.startWorker(
      'publish',
      (data, context) =>
        processPublish(data, context, {
          store,
          now: Date.now,
          changed,
          ...(duplicates ? { duplicates } : {}),
        }),
      config.workers.indexConcurrency,
    );
    if (hubs.length > 0) {
      const base = config.http.publicUrl;
      const topicUrls = (feed: string) => FEED_FORMATS.map((format) => feedUrl(base, feed, format));
      platform.startWorker(
        'notify',
        (data, context) => processNotify(data, context, { hubs, topicUrls }),
        4,
      );
    }
    return {};
  },
};
