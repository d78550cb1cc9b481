import type { QueueName } from '@bulletin/contracts';
import type { Redis } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { describeError, isPermanentError } from '@bulletin/errors';
import { UnrecoverableError, Worker, type Job } from 'bullmq';

export interface StartWorkerOptions<Data, Result> {
  queue: QueueName;
  /** A connection with `maxRetriesPerRequest: null`; BullMQ duplicates it for blocking reads. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  log: Logger;
  /** Validates job data at the boundary; its errors are permanent. */
  parse: (data: unknown) => Data;
  /** The plain processor: data in, result out, cancellable through the signal. */
  process: (data: Data, signal: AbortSignal | undefined) => Promise<Result>;
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

/**
 * Starts a BullMQ worker around a plain processor. It is created in one place so that every
 * role gets the same error mapping, logging and listeners; apps decide which roles to run.
 */
export function startWorker<Data, Result>(options: StartWorkerOptions<Data, Result>): Worker {
  const log = options.log.child({ queue: options.queue });
  const processor = async (job: Job, _token?: string, signal?: AbortSignal): Promise<Result> => {
    try {
      return await options.process(options.parse(job.data), signal);
    } catch (error) {
      throw toJobError(error);
    }
  };
  const worker = new Worker(options.queue, processor, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
  });
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  worker.on('failed', (job, error) => {
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'job failed');
  });
  return worker;
}
