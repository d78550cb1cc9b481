/**
 * The real pipeline in this process, started from the role table as `bulletin start` starts it
 * (every role, the HTTP server on a free port). A payload is done when its publish job has
 * completed, that is when the story is in its feeds.
 */
import { loadConfig } from '@bulletin/config';
import type { IngestJobData } from '@bulletin/contracts';
import { queuePrefix } from '@bulletin/redis';
import { startRoles } from '@bulletin/roles';
import type { Logger } from '@bulletin/runtime';
import { storeKeys } from '@bulletin/store';
import { parseWire } from '@bulletin/wire';
import { QueueEvents } from 'bullmq';
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
    INDEX_CONCURRENCY: c,
    LOG_LEVEL: 'warn',
  });
  const { platform } = await startRoles(config, log, { roles: [], exit: () => undefined });
  const allFeed = storeKeys(prefix).feedByDate('all');
  let events: QueueEvents | undefined;
  return {
    async submit(indexes) {
      await platform.queues.add(
        'ingest',
        indexes.map((index): IngestJobData => ({
          source: SOURCE,
          receivedAt: RECEIVED_AT,
          encoding: 'utf8',
          payload: payloads[index] ?? '',
        })),
      );
    },
    async onDone(listener) {
      events = new QueueEvents('publish', {
        connection: { url: redisUrl },
        prefix: queuePrefix(prefix, 'publish'),
      });
      events.on('completed', ({ jobId }) => {
        const index = ids.get(jobId.slice(0, 20));
        if (index !== undefined) listener(index);
      });
      await events.waitUntilReady();
    },
    countDone: () => platform.redis.failFast.zcard(allFeed),
    async stop() {
      await events?.close();
      await platform.shutdown.run('bench done', { exit: false });
    },
  };
}
