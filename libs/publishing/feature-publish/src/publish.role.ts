import { parsePublishJob, QUEUES } from '@bulletin/contracts';
import type { Platform } from '@bulletin/platform';
import { startWorker } from '@bulletin/queues';
import type { FastifyInstance } from 'fastify';
import { createFeedService, type PublishedTopic } from './http/feed-service.js';
import { buildServer } from './http/server.js';
import { processPublish } from './publish.processor.js';

export interface PublisherRoleOptions {
  /** The topics that have feeds; any other slug is a 404. */
  topics: readonly PublishedTopic[];
  /** `updated` of a feed with no stories yet, e.g. the process start time. */
  emptyUpdated: string;
}

/**
 * Starts the publish worker and the HTTP server on the platform. On shutdown the server stops
 * accepting first, then the worker drains.
 */
export async function startPublisherRole(
  platform: Platform,
  options: PublisherRoleOptions,
): Promise<FastifyInstance> {
  const { config } = platform;
  const worker = startWorker({
    queue: QUEUES.publish,
    connection: platform.workerConnection,
    prefix: config.prefix,
    concurrency: config.workers.indexConcurrency,
    log: platform.log,
    parse: parsePublishJob,
    process: (data) => processPublish(data, platform),
  });
  platform.shutdown.add('publish worker', () => worker.close());
  const render = {
    baseUrl: config.http.publicUrl,
    siteTitle: config.publishing.siteTitle,
    emptyUpdated: options.emptyUpdated,
  };
  const feeds = createFeedService({
    ...platform,
    topics: options.topics,
    render,
    feedSize: config.publishing.feedSize,
  });
  const app = buildServer({
    feeds,
    store: platform.store,
    render,
    ping: platform.ping,
    log: platform.log,
  });
  await app.listen({ host: config.http.host, port: config.http.port });
  platform.shutdown.add('http server', () => app.close());
  platform.log.info(
    { url: `http://${config.http.host}:${config.http.port}`, publicUrl: config.http.publicUrl },
    'publisher listening',
  );
  return app;
}
