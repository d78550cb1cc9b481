/**
 * @module @bulletin/queues
 * The pipeline's BullMQ queues, created from the contracts table, and `startWorker`, which ties
 * a stage's queue to its parser and processor.
 */
export {
  createPipelineQueues,
  type PipelineQueues,
  type PipelineQueuesOptions,
  type AddOptions,
} from './pipeline-queues.js';
export {
  startWorker,
  type StartWorkerOptions,
  type JobSettled,
  type StageContext,
  type StageProcessor,
} from './start-worker.js';
export { jobOptions, type JobOptionsConfig } from './job-options.js';
