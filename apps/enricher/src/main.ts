import { loadConfig } from '@bulletin/config';
import { startEnrichRole } from '@bulletin/enrich';
import { openPlatform } from '@bulletin/platform';
import { createLogger, installSignalHandlers, runMain } from '@bulletin/runtime';
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';

runMain(async () => {
  const config = loadConfig(process.env);
  const platform = await openPlatform(
    config,
    createLogger({ level: config.logLevel, bindings: { role: 'enricher' } }),
  );
  startEnrichRole(platform, createTagger(defaultTaxonomy));
  installSignalHandlers(platform.shutdown);
});
