import { parseIngestJob, QUEUES } from '@bulletin/contracts';
import type { Platform } from '@bulletin/platform';
import { startWorker } from '@bulletin/queues';
import { processIngest } from './ingest.processor.js';

/**
 * Starts the ingest worker on the platform: raw payloads in, stored stories out to the enrich
 * queue. Its shutdown step drains jobs in flight.
 */
export function startIngestRole(platform: Platform): void {
  const worker = startWorker({
    queue: QUEUES.ingest,
    connection: platform.workerConnection,
    prefix: platform.config.prefix,
    concurrency: platform.config.workers.ingestConcurrency,
    log: platform.log,
    parse: parseIngestJob,
    process: (data) => processIngest(data, platform),
  });
  platform.shutdown.add('ingest worker', () => worker.close());
}
