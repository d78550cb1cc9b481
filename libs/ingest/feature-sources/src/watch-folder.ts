import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderSourceDefinition } from '@bulletin/config';
import type { Logger } from '@bulletin/runtime';
import { folderLayout, takeFile, type FileOutcome, type TakeFileDeps } from './take-file.js';

export interface WatchFolderOptions extends TakeFileDeps {
  /** A full rescan this often, for changes fs.watch missed (network shares, bursts). */
  rescanMs: number;
  /** A file is taken once its size and mtime have not changed for this long. @defaultValue 500 */
  settleMs?: number;
  log: Logger;
  /** Told of each file taken or refused (state, tests). */
  onFile?: (name: string, outcome: FileOutcome) => void | Promise<void>;
}

export interface FolderWatcher {
  /** Scans now; resolves when the settled files found are taken. */
  scan(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches a folder source: fs.watch plus a periodic rescan; a file is taken only after it stops
 * growing, one at a time. Files left in `.processing/` by a process that died are put back.
 */
export async function watchFolder(
  source: FolderSourceDefinition,
  options: WatchFolderOptions,
): Promise<FolderWatcher> {
  const layout = folderLayout(source.path);
  const settleMs = options.settleMs ?? 500;
  await mkdir(layout.claimed, { recursive: true });
  for (const name of await readdir(layout.claimed)) {
    await rename(join(layout.claimed, name), join(source.path, name)).catch(() => undefined);
  }
  const seen = new Map<string, { size: number; mtimeMs: number; since: number }>();
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let settleTimer: NodeJS.Timeout | undefined;

  const pass = async () => {
    const entries = await readdir(source.path, { withFileTypes: true });
    let waiting = false;
    for (const entry of entries) {
      if (closed || !entry.isFile() || entry.name.startsWith('.')) continue;
      const path = join(source.path, entry.name);
      const info = await stat(path).catch(() => undefined);
      if (!info) continue;
      const now = Date.now();
      const last = seen.get(entry.name);
      if (!last || last.size !== info.size || last.mtimeMs !== info.mtimeMs) {
        seen.set(entry.name, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        waiting = true;
        continue;
      }
      if (now - last.since < settleMs) {
        waiting = true;
        continue;
      }
      seen.delete(entry.name);
      const outcome = await takeFile(source, path, options);
      if (outcome.outcome === 'retry')
        options.log.warn(
          { source: source.id, file: entry.name, err: outcome.reason },
          'folder file not taken; will retry',
        );
      if (outcome.outcome === 'refused')
        options.log.warn(
          { source: source.id, file: entry.name, err: outcome.reason },
          'folder file refused',
        );
      if (outcome.outcome !== 'gone') await options.onFile?.(entry.name, outcome);
    }
    if (waiting && !closed) {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => void scan(), settleMs + 10);
    }
  };
  const scan = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) =>
        options.log.error(
          { source: source.id, err: (error as Error).message },
          'folder scan failed',
        ),
      )
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          void scan();
        }
      });
    return running;
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(source.path, () => void scan());
    watcher.on('error', (error) =>
      options.log.warn({ source: source.id, err: error.message }, 'fs.watch failed; rescans go on'),
    );
  } catch (error) {
    options.log.warn(
      { source: source.id, err: (error as Error).message },
      'fs.watch unavailable; rescanning only',
    );
  }
  const timer = setInterval(() => void scan(), options.rescanMs);
  void scan();
  return {
    scan,
    async close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(settleTimer);
      watcher?.close();
      await running;
    },
  };
}
