import type { FeedSourceDefinition, FolderSourceDefinition } from '@bulletin/config';
import { describeError } from '@bulletin/errors';
import type { HttpPlugin } from '@bulletin/http';
import type { Platform, RoleDefinition } from '@bulletin/platform';
import { fetchFeed } from '@bulletin/sources-io';
import { arrivalTaker, sourceParts } from './intake.js';
import { processPoll } from './poll.processor.js';
import { pushPlugin } from './push.plugin.js';
import { schedulePolls } from './schedule-polls.js';
import { watchFolder } from './watch-folder.js';

async function startFolders(
  platform: Platform,
  parts: ReturnType<typeof sourceParts>,
): Promise<void> {
  const { config } = platform;
  const folders = config.sources.definitions.filter(
    (s): s is FolderSourceDefinition => s.kind === 'folder',
  );
  const take = arrivalTaker(parts, (data) => platform.queues.add('ingest', [data]));
  for (const folder of folders) {
    await parts.states.started(folder.id, parts.now());
    const watcher = await watchFolder(folder, {
      take,
      maxBytes: config.ingest.maxBytes,
      now: parts.now,
      rescanMs: config.sources.folderRescanMs,
      log: platform.log,
      onFile: async (_name, outcome) => {
        if (outcome.outcome !== 'refused') return;
        await parts.states.recordFailure(folder.id, outcome.reason, parts.now(), {
          baseMs: 0,
          maxMs: 0,
        });
      },
    });
    platform.shutdown.add(`folder ${folder.id}`, () => watcher.close(), { phase: 'intake' });
  }
}

/**
 * The `sources` role: a job scheduler per feed source and the poll worker that fetches them,
 * and a watcher per folder source. Push sources are served by the http role ({@link pushRoutes}).
 */
export const sourcesRole: RoleDefinition = {
  name: 'sources',
  summary: 'poll feed sources on their schedules and watch folder sources',
  async start(platform) {
    const { config } = platform;
    const parts = sourceParts(platform, platform.redis.patient);
    const feeds = config.sources.definitions.filter(
      (s): s is FeedSourceDefinition => s.kind === 'feed',
    );
    for (const feed of feeds) {
      await parts.states.started(feed.id, parts.now());
      // A restarted process knows each source's silence at once, not after its next success;
      // one that never answered counts from when it was first started.
      const state = await parts.states.get(feed.id);
      const since = state.lastSuccessAt ?? state.firstSeenAt;
      if (since !== undefined) platform.metrics.sourcePolled(feed.id, since);
    }
    await schedulePolls(platform.queues.queue('poll'), feeds);
    const deps = {
      ...parts,
      feeds: new Map(feeds.map((feed) => [feed.id, feed])),
      fetch: fetchFeed,
      limits: {
        timeoutMs: config.sources.pollTimeoutMs,
        maxBytes: config.ingest.maxBytes,
        maxRedirects: config.sources.pollMaxRedirects,
      },
    };
    platform.startWorker(
      'poll',
      (data, context) => processPoll(data, context, deps),
      config.sources.pollConcurrency,
    );
    await startFolders(platform, parts).catch((error: unknown) => {
      throw new Error(`cannot watch a folder source: ${describeError(error)}`, { cause: error });
    });
    platform.log.info({ feeds: feeds.length }, 'sources started');
    return {};
  },
};

/** The push routes for the http role: payloads taken on the fail-fast connection. */
export function pushRoutes(platform: Platform): HttpPlugin {
  const { config } = platform;
  const parts = sourceParts(platform, platform.redis.failFast);
  return pushPlugin({
    sources: config.sources.definitions.filter((s) => s.kind === 'push'),
    take: arrivalTaker(parts, (data) => platform.intake.add('ingest', [data])),
    maxBytes: config.ingest.maxBytes,
    now: () => new Date(),
  });
}
