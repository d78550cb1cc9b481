import {
  PIPELINE,
  type HandOffData,
  type NextStage,
  type StageData,
  type StageName,
} from '@bulletin/contracts';
import { describeError, isPermanentError } from '@bulletin/errors';
import { queuePrefix, type Redis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { hostname } from 'node:os';
import { pid } from 'node:process';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { PipelineQueues } from './pipeline-queues.js';

/** What a processor gets besides its job's data: its hand-off, not the whole producer set. */
export interface StageContext<S extends StageName> {
  /** Hands results to the next stage, under their deterministic job ids, in one round trip. */
  handOff(items: readonly HandOffData<S>[]): Promise<void>;
  /** Runs this stage again for `data` at `runAt` (epoch ms), as a delayed job of its own. */
  later(data: StageData[S], runAt: number): Promise<void>;
  /** Aborted when the job is cancelled; only a `cancellable` stage's jobs have one. */
  signal: AbortSignal | undefined;
  /** Bound to the queue and job id. */
  log: Logger;
  jobId: string;
}

/** A stage's plain processor: data in, result out. */
export type StageProcessor<S extends StageName, R = unknown> = (
  data: StageData[S],
  context: StageContext<S>,
) => Promise<R>;

export interface StartWorkerOptions {
  /** A connection with `maxRetriesPerRequest: null`; BullMQ duplicates it for blocking reads. */
  connection: Redis;
  /** Where hand-offs go. */
  queues: PipelineQueues;
  prefix: string;
  concurrency: number;
  /** How long a job's lock lasts; a dead worker's jobs are started again after it. */
  lockMs: number;
  /** How often one job may be cut off by a dead worker before it fails. */
  maxStalls: number;
  log: Logger;
  /** Told of every try that ends, for metrics: once per completion, retry or final failure. */
  onSettled?: (settled: JobSettled) => void;
}

/** One try of a job that ended. */
export interface JobSettled {
  stage: StageName;
  queue: string;
  /** `retried`: failed and will run again; `failed`: failed for good. */
  status: 'completed' | 'retried' | 'failed';
  /** Processing time of this try. */
  durationMs: number;
  /** What the processor returned (completed tries only). */
  result?: unknown;
  /** The job's data as stored (not parsed). */
  data: unknown;
}

/**
 * Turns a thrown error into what BullMQ should do with it: permanent errors (bad input) become
 * `UnrecoverableError` so they go straight to the failed set; the rest retry with backoff.
 * The message always starts with the error's code, which is what an operator searches for.
 */
function toJobError(error: unknown): Error {
  const message = describeError(error);
  if (isPermanentError(error)) return new UnrecoverableError(message);
  return error instanceof Error && error.message === message
    ? error
    : new Error(message, { cause: error });
}

function contextFor<S extends StageName>(
  stage: S,
  job: Job,
  signal: AbortSignal | undefined,
  options: StartWorkerOptions,
  log: Logger,
): StageContext<S> {
  const next = PIPELINE[stage].next as NextStage<S> | null;
  return {
    handOff: async (items) => {
      if (next === null) throw new TypeError(`stage ${stage} has no successor`);
      await options.queues.add(next, items as StageData[NextStage<S>][]);
    },
    later: (data, runAt) => options.queues.add(stage, [data], { runAt, idSuffix: `-at${runAt}` }),
    signal,
    // Made on first use: most jobs of a busy stage log nothing at the configured level.
    get log() {
      const child = log.child({ jobId: job.id });
      Object.defineProperty(this, 'log', { value: child });
      return child;
    },
    jobId: job.id ?? '',
  };
}

/**
 * Starts the BullMQ worker of one pipeline stage around its plain processor: job data is
 * validated by the stage's own parser, errors are mapped in one place, and a processor reaches
 * the next stage only through its hand-off.
 */
export function startWorker<S extends StageName>(
  stage: S,
  process: StageProcessor<S>,
  options: StartWorkerOptions,
): Worker {
  const contract = PIPELINE[stage];
  const log = options.log.child({ queue: contract.queue });
  const run = async (job: Job, signal: AbortSignal | undefined) => {
    try {
      const data = contract.parse(job.data) as StageData[S];
      return await process(data, contextFor(stage, job, signal, options, log));
    } catch (error) {
      throw toJobError(error);
    }
  };
  // BullMQ hands a signal only to a processor that takes three arguments.
  const processor =
    'cancellable' in contract
      ? (job: Job, _token: string | undefined, signal: AbortSignal | undefined) => run(job, signal)
      : (job: Job) => run(job, undefined);
  const worker = new Worker(contract.queue, processor, {
    connection: options.connection,
    prefix: queuePrefix(options.prefix, contract.queue),
    concurrency: options.concurrency,
    // Each job records the process that ran it (`processedBy`), for operators and fault tests.
    name: `${hostname()}:${pid}`,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    maxStalledCount: options.maxStalls,
    // Per-minute completed/failed counts for `bulletin status` (a day of them).
    metrics: { maxDataPoints: 24 * 60 },
    // After Redis comes back, a worker waits this long before fetching again (BullMQ: 15 s).
    runRetryDelay: 2000,
  });
  const settled = (job: Job, status: JobSettled['status'], result?: unknown) =>
    options.onSettled?.({
      stage,
      queue: contract.queue,
      status,
      durationMs: Math.max(0, (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now())),
      data: job.data,
      ...(status === 'completed' ? { result } : {}),
    });
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  worker.on('completed', (job, result) => settled(job, 'completed', result));
  worker.on('failed', (job, error) => {
    const final =
      job !== undefined &&
      (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError);
    log.warn(
      { jobId: job?.id, attempts: job?.attemptsMade, final, err: error.message },
      'job failed',
    );
    if (job !== undefined) settled(job, final ? 'failed' : 'retried');
  });
  return worker;
}
