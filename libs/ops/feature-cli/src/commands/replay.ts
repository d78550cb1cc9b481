import { loadConfig, readConfigFile } from '@bulletin/config';
import type { CliIo } from '../cli-io.js';
import { openCliPipeline } from './cli-pipeline.js';

/**
 * `bulletin replay STORY-ID|SOURCE-ID`: runs the raw payloads kept for a story (or every one a
 * source sent within the retention) through the pipeline again. Identical content adds nothing
 * to feeds: the store counts it as a duplicate.
 */
export async function runReplay(args: readonly string[], io: CliIo): Promise<number> {
  const [target, ...rest] = args;
  if (!target || rest.length > 0) {
    io.stderr('bulletin replay: name one STORY-ID or SOURCE-ID');
    return 2;
  }
  const config = loadConfig(io.env, { readFile: readConfigFile });
  const pipeline = await openCliPipeline(config);
  try {
    const byStory = await pipeline.guard(() => pipeline.archive.forStory(target));
    const payloads =
      byStory.length > 0
        ? byStory
        : await pipeline.guard(() => pipeline.archive.forSource(target, io.now().getTime()));
    if (payloads.length === 0) {
      io.stderr(
        `bulletin replay: no raw payload kept for "${target}" (kept for ${config.sources.retainHours} h; INGEST_RETAIN_HOURS)`,
      );
      return 1;
    }
    await pipeline.guard(() => pipeline.queues.add('ingest', payloads));
    const what = byStory.length > 0 ? `story ${target}` : `source ${target}`;
    io.stdout(`replayed ${payloads.length} payload${payloads.length === 1 ? '' : 's'} of ${what}`);
    return 0;
  } finally {
    await pipeline.close();
  }
}
