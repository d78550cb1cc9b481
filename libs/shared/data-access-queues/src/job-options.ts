import type { DefaultJobOptions } from 'bullmq';

export interface JobOptionsConfig {
  /** Tries of a job that fails with a transient error. */
  attempts: number;
}

/**
 * Every job bulletin enqueues: transient failures retry with exponential backoff and jitter
 * (so a Redis blip does not bring every retry back at once); completed jobs are trimmed (their
 * stories are in the store) and failed ones kept for a week, with their payloads, for an
 * operator to read and retry, so Redis memory stays flat and nothing fails silently.
 */
export function jobOptions(config: JobOptionsConfig): DefaultJobOptions {
  return Object.freeze({
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  });
}
