import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FolderSourceDefinition } from '@bulletin/config';
import type { IngestJobData } from '@bulletin/contracts';
import { describeError, isPermanentError } from '@bulletin/errors';
import { readWireFile, toIngestData } from '@bulletin/sources-io';
import type { TakenPayload } from './take-payload.js';

export interface TakeFileDeps {
  take: (data: IngestJobData) => Promise<TakenPayload>;
  maxBytes: number;
  now: () => number;
}

export type FileOutcome =
  | { outcome: 'done'; stories: string[] }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'gone' };

/** The folders a watched directory keeps beside its inbox. */
export function folderLayout(root: string) {
  return {
    done: join(root, 'done'),
    error: join(root, 'error'),
    claimed: join(root, '.processing'),
  };
}

/** `dir/name`, or `dir/name.2`, `.3`… when a file of that name is already there. */
async function freeName(dir: string, name: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = join(dir, n === 1 ? name : `${name}.${n}`);
    const exists = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
  }
}

/**
 * Takes one settled file of a watched folder: claims it by renaming it into `.processing/` (so
 * two instances never take the same file), takes its payload, then moves it to `done/`, or to
 * `error/` beside `NAME.reason` when it can never be ingested. A transient failure (Redis
 * away) puts it back to be tried again.
 */
export async function takeFile(
  source: FolderSourceDefinition,
  path: string,
  deps: TakeFileDeps,
): Promise<FileOutcome> {
  const layout = folderLayout(source.path);
  const name = basename(path);
  const claimed = join(layout.claimed, name);
  try {
    await rename(path, claimed);
  } catch {
    return { outcome: 'gone' };
  }
  try {
    const bytes = await readWireFile(claimed, deps.maxBytes);
    const data = toIngestData(bytes, {
      source: { id: source.id, name: source.name },
      receivedAt: new Date(deps.now()).toISOString(),
      filename: name,
    });
    const taken = await deps.take(data);
    await mkdir(layout.done, { recursive: true });
    await rename(claimed, await freeName(layout.done, name));
    return { outcome: 'done', stories: taken.stories.map((story) => story.id) };
  } catch (error) {
    const reason = describeError(error);
    if (!isPermanentError(error)) {
      await rename(claimed, path);
      return { outcome: 'retry', reason };
    }
    await mkdir(layout.error, { recursive: true });
    const target = await freeName(layout.error, name);
    await writeFile(`${target}.reason`, `${reason}\n`);
    await rename(claimed, target);
    return { outcome: 'refused', reason };
  }
}
