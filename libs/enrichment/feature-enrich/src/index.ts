/**
 * @module @bulletin/enrich
 * The enrichment stage: stories are tagged with explainable topics and handed to publishing.
 */
export {
  enrichStory,
  processEnrich,
  type EnrichDeps,
  type EnrichResult,
} from './enrich.processor.js';
export { enrichRole } from './enrich.role.js';
