/**
 * @module @bulletin/ingest
 * The ingest stage: raw wire payloads become stored, versioned stories handed to enrichment.
 */
export {
  processIngest,
  decodePayload,
  type IngestDeps,
  type IngestResult,
} from './ingest.processor.js';
export { startIngestRole } from './ingest.role.js';
