/**
 * @module @bulletin/contracts
 * Queue names, job names, payload types and the parsers each worker applies at its boundary.
 */
export { QUEUES, JOBS, MAX_PAYLOAD_BYTES, storyVersionJobId, type QueueName } from './queues.js';
export {
  ingestJobSchema,
  enrichJobSchema,
  publishJobSchema,
  parseIngestJob,
  parseEnrichJob,
  parsePublishJob,
  type IngestJobData,
  type EnrichJobData,
  type PublishJobData,
  type WireSource,
} from './payloads.js';
