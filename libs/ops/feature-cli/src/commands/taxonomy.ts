import { loadConfig } from '@bulletin/config';
import { describeError } from '@bulletin/errors';
import {
  defaultTaxonomy,
  loadTaxonomyFile,
  TaxonomyError,
  taxonomyVersion,
  type Taxonomy,
} from '@bulletin/taxonomy';
import type { CliIo } from '../cli-io.js';

const USAGE = 'usage: bulletin taxonomy check [FILE]';

function describeTaxonomy(label: string, taxonomy: Taxonomy): string {
  const phrases = taxonomy.topics.reduce((n, t) => n + t.phrases.length + t.negative.length, 0);
  const vocabulary = taxonomy.vocabulary
    ? `, codes from ${taxonomy.vocabulary.name} ${taxonomy.vocabulary.release}`
    : '';
  const renamed = taxonomy.topics.flatMap((t) => t.formerSlugs.map((f) => `${f} -> ${t.slug}`));
  return [
    `${label}: valid: ${taxonomy.topics.length} topics, ${phrases} phrases${vocabulary}, version ${taxonomyVersion(taxonomy)}`,
    ...taxonomy.topics.map((t) => `  ${t.slug}\t${t.name}\t${t.codes.join(' ')}`),
    ...(renamed.length > 0 ? [`  renamed: ${renamed.join(', ')}`] : []),
  ].join('\n');
}

/**
 * `bulletin taxonomy check [FILE]`: validates a taxonomy file (default: `TAXONOMY_FILE`, else the
 * built-in one) without starting anything. Exit 0 and a summary when valid; exit 1 and one line
 * per problem when not; exit 2 on a usage mistake.
 */
export function runTaxonomy(args: readonly string[], io: CliIo): number {
  const [sub, file, ...rest] = args;
  if (sub !== 'check' || rest.length > 0 || file?.startsWith('-')) {
    io.stderr(USAGE);
    return 2;
  }
  try {
    const path = file ?? loadConfig(io.env).enrichment.taxonomyFile;
    const taxonomy = path === undefined ? defaultTaxonomy : loadTaxonomyFile(path);
    io.stdout(describeTaxonomy(path ?? 'built-in taxonomy', taxonomy));
    return 0;
  } catch (error) {
    if (error instanceof TaxonomyError) {
      io.stderr(`bulletin: taxonomy is invalid:\n${error.issues.map((i) => `  ${i}`).join('\n')}`);
    } else io.stderr(`bulletin: ${describeError(error)}`);
    return 1;
  }
}
