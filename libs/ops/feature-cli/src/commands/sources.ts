import { parseArgs } from 'node:util';
import { loadConfig, readConfigFile, type SourceDefinition } from '@bulletin/config';
import { isIdle, type SourceState } from '@bulletin/sources-io';
import type { CliIo } from '../cli-io.js';
import { openCliPipeline } from './cli-pipeline.js';

/** One source as `bulletin sources --json` prints it: settings (never a token) and state. */
export interface SourceReport {
  id: string;
  kind: SourceDefinition['kind'];
  name: string;
  /** The feed's URL or the folder's path; nothing for a push source. */
  where?: string;
  idle: boolean;
  state: SourceState;
}

const iso = (ms: number | undefined) =>
  ms === undefined ? '-' : new Date(ms).toISOString().slice(0, 19) + 'Z';

/** What an operator reads of one source: its settings (never a token), state and idle flag. */
export function sourceReport(
  source: SourceDefinition,
  state: SourceState,
  now: number,
): SourceReport {
  const where =
    source.kind === 'feed' ? source.url : source.kind === 'folder' ? source.path : undefined;
  const idle = source.kind === 'feed' && isIdle(state, source.idleAfterMinutes, now);
  // Validators and hashes are bookkeeping, not state an operator reads.
  const shown: SourceState = { ...state };
  delete shown.etag;
  delete shown.lastModified;
  delete shown.bodyHash;
  return {
    id: source.id,
    kind: source.kind,
    name: source.name,
    ...(where ? { where } : {}),
    idle,
    state: shown,
  };
}

/** The sources as a table: status, last success, consecutive failures, idle, last error. */
export function sourcesTable(rows: readonly SourceReport[]): string[] {
  const lines = rows.map((row) => [
    row.id,
    row.kind,
    row.state.lastStatus ?? 'never',
    iso(row.state.lastSuccessAt),
    String(row.state.consecutiveFailures),
    row.idle ? 'IDLE' : '',
    row.state.lastError ?? '',
  ]);
  const head = ['ID', 'KIND', 'STATUS', 'LAST SUCCESS', 'FAILS', 'IDLE', 'LAST ERROR'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  return [head, ...lines].map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** `bulletin sources [--json]`: every configured source and its state. */
export async function runSources(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } } });
  const config = loadConfig(io.env, { readFile: readConfigFile });
  const sources = config.sources.definitions;
  if (sources.length === 0 && !values.json) {
    io.stdout(
      `no sources: ${config.sources.file} is missing or lists none (see bulletin.config.example.yaml)`,
    );
    return 0;
  }
  const pipeline = await openCliPipeline(config);
  try {
    const now = io.now().getTime();
    const rows: SourceReport[] = [];
    for (const source of sources)
      rows.push(
        sourceReport(source, await pipeline.guard(() => pipeline.states.get(source.id)), now),
      );
    if (values.json) io.stdout(JSON.stringify(rows, null, 2));
    else for (const line of sourcesTable(rows)) io.stdout(line);
    return 0;
  } finally {
    await pipeline.close();
  }
}
