/**
 * @module @bulletin/queues
 * BullMQ producers and workers built from the queue contracts, with the house job options.
 */
export { createProducers, type Producers, type ProducersOptions } from './producers.js';
export { startWorker, type StartWorkerOptions } from './start-worker.js';
export { DEFAULT_JOB_OPTIONS } from './job-options.js';
