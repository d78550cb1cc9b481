import type { DefaultJobOptions } from 'bullmq';

/**
 * Every job bulletin enqueues: transient failures retry with exponential backoff; completed
 * jobs are trimmed (their stories are in the store) while failed jobs are kept, with their
 * payloads, for an operator to read and retry — a story is never silently dropped.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = Object.freeze({
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: false,
});
