import {
  JOBS,
  QUEUES,
  storyVersionJobId,
  type EnrichJobData,
  type IngestJobData,
  type PublishJobData,
} from '@bulletin/contracts';
import type { Redis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import type { Story } from '@bulletin/story';
import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';

export interface ProducersOptions {
  /** A fail-fast connection, shared by the three queues. */
  connection: Redis;
  /** BullMQ key prefix: the configured `BULLETIN_PREFIX`. */
  prefix: string;
  log: Logger;
}

/** Typed hand-offs between the stages; each resolves once Redis has the job. */
export interface Producers {
  /** Enqueues a raw payload; resolves to the job id. */
  ingest(data: IngestJobData): Promise<string>;
  /** Hands stored stories to enrichment, one job per story version, in one round trip. */
  enrich(stories: readonly Story[]): Promise<void>;
  publish(data: PublishJobData): Promise<void>;
  close(): Promise<void>;
}

function queue<T>(name: string, options: ProducersOptions): Queue<T> {
  const created = new Queue<T>(name, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  created.on('error', (error) => options.log.error({ queue: name, err: error }, 'queue error'));
  return created;
}

/** Creates the producers for the `ingest`, `enrich` and `publish` queues. */
export function createProducers(options: ProducersOptions): Producers {
  const ingest = queue<IngestJobData>(QUEUES.ingest, options);
  const enrich = queue<EnrichJobData>(QUEUES.enrich, options);
  const publish = queue<PublishJobData>(QUEUES.publish, options);
  return {
    async ingest(data) {
      const job = await ingest.add(JOBS.ingestPayload, data);
      return job.id ?? '';
    },
    async enrich(stories) {
      if (stories.length === 0) return;
      await enrich.addBulk(
        stories.map((story) => ({
          name: JOBS.enrichStory,
          data: {
            id: story.id,
            version: story.version,
            firstcreated: story.firstcreated,
            headline: story.headline,
            summary: story.summary,
            bodyText: story.bodyText,
          },
          opts: { jobId: storyVersionJobId(story.id, story.version) },
        })),
      );
    },
    async publish(data) {
      await publish.add(JOBS.publishStory, data, {
        jobId: storyVersionJobId(data.id, data.version),
      });
    },
    async close() {
      await Promise.allSettled([ingest.close(), enrich.close(), publish.close()]);
    },
  };
}
