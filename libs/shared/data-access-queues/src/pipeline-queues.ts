import { ALL_STAGES, PIPELINE, type StageData, type StageName } from '@bulletin/contracts';
import { queuePrefix, type Redis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import type { EventEmitter } from 'node:events';
import { Queue, type JobsOptions } from 'bullmq';
import { jobOptions, type JobOptionsConfig } from './job-options.js';

export interface PipelineQueuesOptions extends JobOptionsConfig {
  connection: Redis;
  /** The configured `BULLETIN_PREFIX`. */
  prefix: string;
  log: Logger;
}

/** When a job should run, and under which id when it is not the stage's own. */
export interface AddOptions<T = unknown> {
  /** Epoch ms before which the job must not run. */
  runAt?: number;
  /** Appended to the stage's job id, for a distinct run of the same payload. */
  idSuffix?: string;
  /**
   * Collapses adds with the same id for this long into the first (BullMQ de-duplication):
   * a burst becomes one job. Each item's id is `dedupe.id(item)`.
   */
  dedupe?: { ms: number; id: (data: T) => string };
}

/** The typed BullMQ queues of the pipeline table, created once per process. */
export interface PipelineQueues {
  queue<S extends StageName>(stage: S): Queue<StageData[S]>;
  /** Every queue, in pipeline order (for the dashboard, metrics and the operator CLI). */
  all(): Queue[];
  /** Adds jobs to a stage in one round trip, with the stage's deterministic job ids. */
  add<S extends StageName>(
    stage: S,
    items: readonly StageData[S][],
    options?: AddOptions<StageData[S]>,
  ): Promise<void>;
  close(): Promise<void>;
}

function opts<S extends StageName>(
  stage: S,
  data: StageData[S],
  options: AddOptions<StageData[S]>,
): JobsOptions {
  const id = (PIPELINE[stage].jobId as (data: StageData[S]) => string | undefined)(data);
  const delay = options.runAt === undefined ? 0 : Math.max(0, options.runAt - Date.now());
  const dedupe = options.dedupe;
  return {
    ...(id === undefined ? {} : { jobId: `${id}${options.idSuffix ?? ''}` }),
    ...(delay > 0 ? { delay } : {}),
    ...(dedupe ? { deduplication: { id: dedupe.id(data), ttl: dedupe.ms } } : {}),
  };
}

/**
 * Closes a queue on a shared connection. BullMQ drops the queue's connection listeners on close
 * even while that connection's start (a version check) is still in flight, as it often is on a
 * cluster; the start then fails with "Connection is closed" into an 'error' event nobody hears,
 * which ends the process. The queue is closed, so that failure means nothing: it is heard here.
 */
async function closeQueue(queue: Queue): Promise<void> {
  await queue.close();
  (queue as unknown as { connection: EventEmitter }).connection.on('error', () => undefined);
}

/** Opens the queues of every stage on one connection, under their own hash-tagged prefixes. */
export function createPipelineQueues(options: PipelineQueuesOptions): PipelineQueues {
  const defaults = jobOptions(options);
  const queues = new Map<StageName, Queue>();
  for (const stage of ALL_STAGES) {
    const { queue: name } = PIPELINE[stage];
    const queue = new Queue(name, {
      connection: options.connection,
      prefix: queuePrefix(options.prefix, name),
      defaultJobOptions: defaults,
    });
    queue.on('error', (error) => options.log.error({ queue: name, err: error }, 'queue error'));
    queues.set(stage, queue);
  }
  const get = <S extends StageName>(stage: S) => queues.get(stage) as Queue<StageData[S]>;
  return {
    queue: get,
    all: () => [...queues.values()],
    async add(stage, items, addOptions = {}) {
      if (items.length === 0) return;
      const { job } = PIPELINE[stage];
      const jobs = items.map((data) => ({ name: job, data, opts: opts(stage, data, addOptions) }));
      const queue = get(stage) as unknown as Queue;
      if (jobs.length === 1 && jobs[0]) await queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
      else await queue.addBulk(jobs);
    },
    async close() {
      await Promise.allSettled([...queues.values()].map(closeQueue));
    },
  };
}
