/**
 * @module @bulletin/contracts
 * The pipeline as a typed table: each stage's queue, job name, payload schema and parser, job id
 * and successor. Producers and workers import them from here and nowhere else.
 */
export {
  PIPELINE,
  STAGES,
  ALL_STAGES,
  type StageContract,
  type StageData,
  type StageName,
  type NextStage,
  type HandOffData,
} from './pipeline.js';
export {
  ingestJobSchema,
  enrichJobSchema,
  publishJobSchema,
  notifyJobSchema,
  pollJobSchema,
  digestJobSchema,
  parseWith,
  MAX_PAYLOAD_BYTES,
  type IngestJobData,
  type EnrichJobData,
  type PublishJobData,
  type NotifyJobData,
  type PollJobData,
  type DigestJobData,
  type WireSource,
} from './payloads.js';
