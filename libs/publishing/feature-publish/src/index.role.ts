import type { RoleDefinition } from '@bulletin/platform';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { processPublish } from './publish.processor.js';

/**
 * The `index` role: the publish stage's worker. Tagged stories in; stories, their lifecycle
 * and the feed indexes out. It runs apart from the HTTP server, so readers and indexing scale
 * apart.
 */
export const indexRole: RoleDefinition = {
  name: 'index',
  summary: 'publish tagged stories: versions, embargoes, kills and the feed indexes',
  start(platform) {
    const { config } = platform;
    const store = createStoryStore(platform.redis.patient, storeKeys(config.prefix));
    platform.startWorker(
      'publish',
      (data, context) => processPublish(data, context, { store, now: Date.now }),
      config.workers.indexConcurrency,
    );
    return {};
  },
};
