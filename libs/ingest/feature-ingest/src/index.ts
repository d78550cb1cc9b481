/**
 * @module @bulletin/ingest
 * The ingest stage: raw wire payloads become parsed stories handed to enrichment.
 */
export {
  processIngest,
  decodePayload,
  type IngestDeps,
  type IngestResult,
} from './ingest.processor.js';
export { createWireParser, type WireParser, type WireParserOptions } from './wire-parser.js';
export { ingestRole } from './ingest.role.js';
