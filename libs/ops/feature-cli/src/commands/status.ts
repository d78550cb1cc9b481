import { parseArgs } from 'node:util';
import { loadConfig, readConfigFile, type Config } from '@bulletin/config';
import { QUEUE_STATES } from '@bulletin/metrics';
import { createDeliveryLedger } from '@bulletin/subscribers';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli-io.js';
import type { CliPipeline } from './cli-pipeline.js';
import { digestRunCells, lastDigestRuns, type DigestRunStatus } from './digest-runs.js';
import { withQueues, type OperatorQueues } from './operator-queues.js';
import { sourceReport, sourcesTable, type SourceReport } from './sources.js';
import { formatTable } from './text-table.js';

/** One queue's row: its counts, whether paused, and jobs finished in the last minute. */
export interface QueueStatus {
  queue: string;
  paused: boolean;
  counts: Record<string, number>;
  /** Finished in the last minute or so (BullMQ's per-minute metrics); null before any. */
  perMinute: { completed: number | null; failed: number | null };
}

/** What `bulletin status --json` prints. */
export interface StatusReport {
  queues: QueueStatus[];
  sources: SourceReport[];
  digestRuns: DigestRunStatus[];
}

/**
 * Jobs finished in the latest minute BullMQ's per-minute metrics recorded, if that minute is
 * this one or the one before (so at most two minutes old); 0 when nothing finished since.
 */
async function lastMinute(queue: Queue, type: 'completed' | 'failed', now: number) {
  const { meta } = await queue.getMetrics(type, 0, 0);
  if (!meta.prevTS) return null;
  const recent = Math.floor(meta.prevTS / 60_000) >= Math.floor(now / 60_000) - 1;
  return recent ? meta.count - meta.prevCount : 0;
}

async function queueRows(queues: OperatorQueues, now: number): Promise<QueueStatus[]> {
  const rows: QueueStatus[] = [];
  for (const queue of queues.pick(undefined)) {
    rows.push({
      queue: queue.name,
      paused: await queue.isPaused(),
      counts: await queue.getJobCounts(...QUEUE_STATES),
      perMinute: {
        completed: await lastMinute(queue, 'completed', now),
        failed: await lastMinute(queue, 'failed', now),
      },
    });
  }
  return rows;
}

/** Each configured source's state and each edition's last runs. */
async function sourcesAndDigests(pipeline: CliPipeline, config: Config, now: number) {
  const sources: SourceReport[] = [];
  for (const source of config.sources.definitions) {
    const state = await pipeline.guard(() => pipeline.states.get(source.id));
    sources.push(sourceReport(source, state, now));
  }
  const ledger = createDeliveryLedger(pipeline.redis, config.prefix);
  const editions = config.digest.editions.map((edition) => edition.name);
  const digestRuns = await pipeline.guard(() => lastDigestRuns(ledger, editions));
  return { sources, digestRuns };
}

function queueCells(rows: readonly QueueStatus[]): string[][] {
  const head = ['QUEUE', ...QUEUE_STATES.map((s) => s.toUpperCase()), 'DONE/MIN', 'FAILED/MIN'];
  return [
    [...head, 'STATE'],
    ...rows.map((row) => [
      row.queue,
      ...QUEUE_STATES.map((s) => String(row.counts[s] ?? 0)),
      String(row.perMinute.completed ?? '-'),
      String(row.perMinute.failed ?? '-'),
      row.paused ? 'paused' : 'running',
    ]),
  ];
}

function printStatus(report: StatusReport, io: CliIo): void {
  const lines = [
    ...formatTable(queueCells(report.queues)),
    '',
    ...(report.sources.length > 0 ? sourcesTable(report.sources) : ['no sources configured']),
    '',
    ...(report.digestRuns.length > 0
      ? formatTable(digestRunCells(report.digestRuns))
      : ['no digest runs yet']),
  ];
  for (const line of lines) io.stdout(line);
}

/**
 * `bulletin status [--json]`: every queue's counts and jobs finished in the last minute, each
 * source's state, and each edition's last digest runs.
 */
export async function runStatus(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } } });
  const config = loadConfig(io.env, { readFile: readConfigFile });
  return withQueues(
    io,
    async (queues) => {
      const now = io.now().getTime();
      const report: StatusReport = {
        queues: await queueRows(queues, now),
        ...(await sourcesAndDigests(queues.pipeline, config, now)),
      };
      if (values.json) io.stdout(JSON.stringify(report));
      else printStatus(report, io);
      return 0;
    },
    config,
  );
}
