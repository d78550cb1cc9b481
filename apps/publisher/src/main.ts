import { loadConfig } from '@bulletin/config';
import { openPlatform } from '@bulletin/platform';
import { startPublisherRole } from '@bulletin/publish';
import { createLogger, installSignalHandlers, runMain } from '@bulletin/runtime';
import { defaultTaxonomy } from '@bulletin/taxonomy';

runMain(async () => {
  const config = loadConfig(process.env);
  const platform = await openPlatform(
    config,
    createLogger({ level: config.logLevel, bindings: { role: 'publisher' } }),
  );
  await startPublisherRole(platform, {
    topics: defaultTaxonomy.topics,
    emptyUpdated: new Date().toISOString(),
  });
  installSignalHandlers(platform.shutdown);
});
