import { parseEnrichJob, QUEUES } from '@bulletin/contracts';
import type { Platform } from '@bulletin/platform';
import { startWorker } from '@bulletin/queues';
import type { Tagger } from '@bulletin/tagger';
import { processEnrich } from './enrich.processor.js';

/**
 * Starts the enrich worker on the platform: stored stories in, tagged stories out to the
 * publish queue. Its shutdown step drains jobs in flight.
 */
export function startEnrichRole(platform: Platform, tagger: Tagger): void {
  const worker = startWorker({
    queue: QUEUES.enrich,
    connection: platform.workerConnection,
    prefix: platform.config.prefix,
    concurrency: platform.config.workers.enrichConcurrency,
    log: platform.log,
    parse: parseEnrichJob,
    process: (data) => processEnrich(data, { ...platform, tagger }),
  });
  platform.shutdown.add('enrich worker', () => worker.close());
}
