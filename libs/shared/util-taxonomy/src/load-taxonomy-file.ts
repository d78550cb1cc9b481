import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultTaxonomy } from './default-taxonomy.js';
import { TaxonomyError } from './errors.js';
import { loadTaxonomy } from './load-taxonomy.js';
import type { Taxonomy } from './taxonomy.schema.js';

/**
 * Reads and validates an operator's taxonomy file (JSON, the shape of `data/taxonomy.json`).
 * @throws TaxonomyError when the file cannot be read, is not JSON, or is not a valid taxonomy;
 *   the message starts with the path.
 * @example loadTaxonomyFile('/etc/bulletin/taxonomy.json')
 */
export function loadTaxonomyFile(path: string): Taxonomy {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TaxonomyError([`${path}: ${reason}`], { cause: error });
  }
  try {
    return loadTaxonomy(data);
  } catch (error) {
    if (!(error instanceof TaxonomyError)) throw error;
    throw new TaxonomyError(
      error.issues.map((issue) => `${path}: ${issue}`),
      { cause: error },
    );
  }
}

/** The operator's taxonomy when a file is configured (`TAXONOMY_FILE`), else the default. */
export function resolveTaxonomy(file: string | undefined): Taxonomy {
  return file === undefined ? defaultTaxonomy : loadTaxonomyFile(file);
}

const versions = new WeakMap<Taxonomy, string>();

/**
 * A short content hash of a taxonomy: equal taxonomies share it, and any edit changes it, so
 * re-tag jobs can carry it in their ids (one job per story and taxonomy version).
 */
export function taxonomyVersion(taxonomy: Taxonomy): string {
  let version = versions.get(taxonomy);
  if (version === undefined) {
    version = createHash('sha256').update(JSON.stringify(taxonomy)).digest('hex').slice(0, 12);
    versions.set(taxonomy, version);
  }
  return version;
}
