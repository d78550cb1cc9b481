import { loadConfig } from '@bulletin/config';
import { startIngestRole } from '@bulletin/ingest';
import { openPlatform } from '@bulletin/platform';
import { createLogger, installSignalHandlers, runMain } from '@bulletin/runtime';

runMain(async () => {
  const config = loadConfig(process.env);
  const platform = await openPlatform(
    config,
    createLogger({ level: config.logLevel, bindings: { role: 'ingest' } }),
  );
  startIngestRole(platform);
  installSignalHandlers(platform.shutdown);
});
