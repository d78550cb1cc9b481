import type { Config } from '@bulletin/config';
import { startEnrichRole } from '@bulletin/enrich';
import { startIngestRole } from '@bulletin/ingest';
import { openPlatform, type Platform } from '@bulletin/platform';
import { startPublisherRole } from '@bulletin/publish';
import type { Logger } from '@bulletin/runtime';
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';

export interface StartOptions {
  /** Process start time: `updated` of feeds that have no stories yet. */
  startedAt: string;
  exit?: (code: number) => void;
}

/**
 * `bulletin start`: every role in one process — ingest, enrich, publish and the HTTP server —
 * on one platform, so one shutdown drains them all in order.
 */
export async function startAll(
  config: Config,
  log: Logger,
  options: StartOptions,
): Promise<Platform> {
  const platform = await openPlatform(config, log, options.exit ? { exit: options.exit } : {});
  try {
    startIngestRole(platform);
    startEnrichRole(platform, createTagger(defaultTaxonomy));
    await startPublisherRole(platform, {
      topics: defaultTaxonomy.topics,
      emptyUpdated: options.startedAt,
    });
  } catch (error) {
    // The port may be taken: close what was opened before reporting.
    await platform.shutdown.run('start failed');
    throw error;
  }
  return platform;
}
