/**
 * @module @bulletin/taxonomy
 * The topic taxonomy every role shares: topics with IPTC Media Topic codes and the phrases that
 * signal them, kept as data (`data/taxonomy.json`) and validated on load, plus the folding rules
 * (case, accents, typographic quotes and dashes) by which phrases are compared with text.
 */
export { loadTaxonomy } from './load-taxonomy.js';
export { defaultTaxonomy } from './default-taxonomy.js';
export { loadTaxonomyFile, resolveTaxonomy, taxonomyVersion } from './load-taxonomy-file.js';
export { RETIRED_CODES, findRetiredCode, type RetiredCode } from './retired-codes.js';
export { TaxonomyError } from './errors.js';
export type { Taxonomy, Topic, TaxonomyPhrase } from './taxonomy.schema.js';
export {
  KIND_OTHER,
  KIND_WORD,
  KIND_SPACE,
  KIND_IGNORE,
  BOUNDARY,
  getFoldTables,
  foldPhrase,
  isWordBounded,
  describeFolded,
  type FoldTables,
} from './normalise.js';
