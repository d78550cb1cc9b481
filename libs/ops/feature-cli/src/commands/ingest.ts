import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, readConfigFile } from '@bulletin/config';
import type { CliIo } from '../cli-io.js';
import { openCliPipeline } from './cli-pipeline.js';
import { ingestDir } from './ingest-dir.js';
import { ingestFiles } from './ingest-files.js';
import { walkDir } from './walk-dir.js';

function parseSource(value: string | undefined): { id: string; name: string } {
  if (!value) return { id: 'files', name: 'Local files' };
  const [id = '', ...rest] = value.split(':');
  return { id, name: rest.join(':') || id };
}

const isDir = (path: string) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );

/** `bulletin ingest [--source ID[:NAME]] FILE…` or `bulletin ingest DIR`. */
export async function runIngest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { source: { type: 'string' } },
  });
  if (positionals.length === 0) {
    io.stderr('bulletin ingest: name at least one FILE');
    return 2;
  }
  const config = loadConfig(io.env, { readFile: readConfigFile });
  const dirs = await Promise.all(positionals.map(isDir));
  const pipeline = await openCliPipeline(config);
  try {
    const deps = {
      enqueue: (data: Parameters<typeof pipeline.queues.add<'ingest'>>[1][number]) =>
        pipeline.guard(() => pipeline.queues.add('ingest', [data])),
      // Kept under the same guard as the enqueue: a lost Redis fails the run, never hangs it.
      archive: {
        keep: (...args: Parameters<typeof pipeline.archive.keep>) =>
          pipeline.guard(() => pipeline.archive.keep(...args)),
      },
      source: parseSource(values.source),
      maxBytes: config.ingest.maxBytes,
      maxItems: config.ingest.maxItems,
      now: () => io.now().toISOString(),
      print: io.stdout,
    };
    if (!dirs.some(Boolean)) return await ingestFiles(positionals, deps);
    const paths = (
      await Promise.all(positionals.map((path, i) => (dirs[i] ? walkDir(path) : [path])))
    ).flat();
    const store = { record: (id: string) => pipeline.guard(() => pipeline.store.record(id)) };
    const summary = await ingestDir(paths, {
      ...deps,
      store,
      ...(io.progress ? { progress: io.progress } : {}),
    });
    return summary.refused.length === 0 ? 0 : 1;
  } finally {
    await pipeline.close();
  }
}
