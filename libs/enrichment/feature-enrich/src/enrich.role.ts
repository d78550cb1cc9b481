import type { RoleDefinition } from '@bulletin/platform';
import { createTagger } from '@bulletin/tagger';
import { resolveTaxonomy } from '@bulletin/taxonomy';
import { processEnrich } from './enrich.processor.js';

/** The `enrich` role: parsed stories in, tagged stories out to the publish stage. */
export const enrichRole: RoleDefinition = {
  name: 'enrich',
  summary: 'tag stories by topic, with the evidence for each tag',
  start(platform) {
    const { config } = platform;
    const tagger = createTagger(resolveTaxonomy(config.enrichment.taxonomyFile));
    platform.startWorker(
      'enrich',
      (data, context) => processEnrich(data, context, { tagger }),
      config.workers.enrichConcurrency,
    );
    return {};
  },
};
