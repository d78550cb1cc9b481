/**
 * The real pipeline in this process: platform, ingest, enrich and publish roles, with the HTTP
 * server on a free port. A payload is done when its publish job has completed, that is when the
 * story is in its feeds.
 */
import { loadConfig } from '@bulletin/config';
import { JOBS, QUEUES, type IngestJobData } from '@bulletin/contracts';
import { startEnrichRole } from '@bulletin/enrich';
import { startIngestRole } from '@bulletin/ingest';
import { openPlatform } from '@bulletin/platform';
import { startPublisherRole } from '@bulletin/publish';
import { DEFAULT_JOB_OPTIONS } from '@bulletin/queues';
import type { Logger } from '@bulletin/runtime';
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { parseWire } from '@bulletin/wire';
import { Queue, QueueEvents } from 'bullmq';
import type { BenchSystem } from './system.js';

const SOURCE = { id: 'bench', name: 'Bench wire' };
const RECEIVED_AT = '2014-11-18T00:00:00.000Z';

/** Story id → payload index, computed with the same parser the ingest worker uses. */
async function storyIndexes(payloads: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, bytes] of payloads.entries()) {
    const { stories } = await parseWire({ bytes, source: SOURCE, receivedAt: RECEIVED_AT });
    for (const story of stories) ids.set(story.id, index);
  }
  return ids;
}

export async function startPipeline(
  redisUrl: string,
  prefix: string,
  payloads: readonly string[],
  concurrency: number,
  log: Logger,
): Promise<BenchSystem> {
  const ids = await storyIndexes(payloads);
  const c = String(concurrency);
  const config = loadConfig({
    REDIS_URL: redisUrl,
    BULLETIN_PREFIX: prefix,
    REDIS_AUTOSTART: 'false',
    PORT: '0',
    INGEST_CONCURRENCY: c,
    ENRICH_CONCURRENCY: c,
    PUBLISH_CONCURRENCY: c,
  });
  const platform = await openPlatform(config, log, { exit: () => undefined });
  startIngestRole(platform);
  startEnrichRole(platform, createTagger(defaultTaxonomy));
  await startPublisherRole(platform, { topics: [], emptyUpdated: RECEIVED_AT });
  const producerConnection = platform.workerConnection.duplicate({ maxRetriesPerRequest: 2 });
  const ingest = new Queue<IngestJobData>(QUEUES.ingest, {
    connection: producerConnection,
    prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  let events: QueueEvents | undefined;
  return {
    async submit(indexes) {
      await ingest.addBulk(
        indexes.map((index) => ({
          name: JOBS.ingestPayload,
          data: {
            source: SOURCE,
            receivedAt: RECEIVED_AT,
            encoding: 'utf8' as const,
            payload: payloads[index] ?? '',
          },
        })),
      );
    },
    async onDone(listener) {
      events = new QueueEvents(QUEUES.publish, { connection: { url: redisUrl }, prefix });
      events.on('completed', ({ jobId }) => {
        const index = ids.get(jobId.slice(0, jobId.lastIndexOf('-v')));
        if (index !== undefined) listener(index);
      });
      await events.waitUntilReady();
    },
    countDone: () => producerConnection.zcard(platform.keys.indexAll),
    async stop() {
      await events?.close();
      await ingest.close();
      producerConnection.disconnect();
      await platform.shutdown.run('bench done');
    },
  };
}
