import { describeError } from '@bulletin/errors';
import { RedisUnavailableError } from '@bulletin/redis';
import type { StoryStore } from '@bulletin/store';
import { stoppedAt, takenLine, takeWireFile, type IngestFilesDeps } from './ingest-files.js';
import { countStories, emptySummary, summaryLines, type IngestSummary } from './ingest-summary.js';
import { progressBar } from './progress.js';

export interface IngestDirDeps extends IngestFilesDeps {
  store: Pick<StoryStore, 'record'>;
  /** Redraws a progress bar in place (a terminal); absent, one line per file is printed. */
  progress?: (text: string) => void;
}

/**
 * `bulletin ingest DIR`: every wire file under the folder, with a progress bar on a terminal
 * (plain lines otherwise) and a summary: ingested, updated, duplicates, refused with reasons.
 * @throws RedisUnavailableError at once, naming how far it got, when Redis goes away.
 */
export async function ingestDir(
  paths: readonly string[],
  deps: IngestDirDeps,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const seen = new Map<string, string>();
  for (const [index, path] of paths.entries()) {
    deps.progress?.(progressBar(index, paths.length, 'files'));
    try {
      const taken = await takeWireFile(path, deps);
      await countStories(summary, taken.stories, deps.store, seen);
      if (!deps.progress) deps.print(takenLine(path, taken));
    } catch (error) {
      if (error instanceof RedisUnavailableError) {
        deps.progress?.('\n');
        throw stoppedAt(error, index, paths.length);
      }
      summary.refused.push({ path, reason: describeError(error) });
      if (!deps.progress) deps.print(`${path}\trefused: ${describeError(error)}`);
    }
    summary.files += 1;
  }
  deps.progress?.(`${progressBar(paths.length, paths.length, 'files')}\n`);
  for (const line of summaryLines(summary)) deps.print(line);
  return summary;
}
