import data from '../data/taxonomy.json' with { type: 'json' };
import { loadTaxonomy } from './load-taxonomy.js';
import type { Taxonomy } from './taxonomy.schema.js';

/**
 * bulletin's UK public-life taxonomy, from `data/taxonomy.json`. Validated when this module
 * loads, so a bad edit to the data fails at start-up (and in this lib's tests), not mid-stream.
 */
export const defaultTaxonomy: Taxonomy = loadTaxonomy(data);
