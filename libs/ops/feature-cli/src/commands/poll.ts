import { loadConfig, readConfigFile } from '@bulletin/config';
import { createWireParser } from '@bulletin/ingest';
import { createLogger } from '@bulletin/runtime';
import { processPoll, type PollResult } from '@bulletin/sources';
import { fetchFeed } from '@bulletin/sources-io';
import type { CliIo } from '../cli-io.js';
import { openCliPipeline } from './cli-pipeline.js';

function describe(id: string, result: PollResult): string {
  switch (result.outcome) {
    case 'changed':
      return `${id}: 200, ${result.stories.length} stories queued${result.rejected ? `, ${result.rejected} items rejected` : ''}\t${result.stories.join(' ')}`;
    case 'not-modified':
      return `${id}: 304 not modified, nothing queued`;
    case 'unchanged':
      return `${id}: 200 but the same body as last time, nothing queued`;
    case 'failed':
      return `${id}: failed: ${result.error} (${result.failures} in a row; backing off)`;
    default:
      return `${id}: ${result.outcome}`;
  }
}

/** `bulletin poll SOURCE`: polls one feed source now, backoff or not, and prints the outcome. */
export async function runPoll(args: readonly string[], io: CliIo): Promise<number> {
  const [id, ...rest] = args;
  if (!id || rest.length > 0) {
    io.stderr('bulletin poll: name one feed SOURCE');
    return 2;
  }
  const config = loadConfig(io.env, { readFile: readConfigFile });
  const feeds = config.sources.definitions.filter((source) => source.kind === 'feed');
  const feed = feeds.find((source) => source.id === id);
  if (!feed) {
    io.stderr(
      `bulletin poll: "${id}" is not a feed source in ${config.sources.file} (feeds: ${feeds.map((f) => f.id).join(', ') || 'none'})`,
    );
    return 2;
  }
  const pipeline = await openCliPipeline(config);
  const parser = createWireParser({
    inlineMaxBytes: 256 * 1024,
    maxParseMs: config.ingest.maxParseMs,
    limits: { maxBytes: config.ingest.maxBytes, maxItems: config.ingest.maxItems },
  });
  try {
    const result = await pipeline.guard(() =>
      processPoll(
        { sourceId: id },
        {
          handOff: (items) => pipeline.queues.add('ingest', items),
          log: createLogger({ level: 'error' }),
          signal: undefined,
        },
        {
          feeds: new Map([[feed.id, feed]]),
          states: pipeline.states,
          archive: pipeline.archive,
          parse: parser.parse,
          fetch: fetchFeed,
          limits: {
            timeoutMs: config.sources.pollTimeoutMs,
            maxBytes: config.ingest.maxBytes,
            maxRedirects: config.sources.pollMaxRedirects,
          },
          now: () => io.now().getTime(),
          force: true,
        },
      ),
    );
    io.stdout(describe(id, result));
    return result.outcome === 'failed' ? 1 : 0;
  } finally {
    await parser.close();
    await pipeline.close();
  }
}
