import { parseArgs } from 'node:util';
import { QUEUE_STATES } from '@bulletin/metrics';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli-io.js';
import { withQueues } from './operator-queues.js';

/** One queue's row: its counts, whether paused, and jobs finished in the last minute. */
export interface QueueStatus {
  queue: string;
  paused: boolean;
  counts: Record<string, number>;
  /** Finished in the last minute or so (BullMQ's per-minute metrics); null before any. */
  perMinute: { completed: number | null; failed: number | null };
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

/** `bulletin status [--json]`: a table of every queue. */
export async function runStatus(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } } });
  return withQueues(io, async (queues) => {
    const rows: QueueStatus[] = [];
    for (const queue of queues.pick(undefined)) {
      rows.push({
        queue: queue.name,
        paused: await queue.isPaused(),
        counts: await queue.getJobCounts(...QUEUE_STATES),
        perMinute: {
          completed: await lastMinute(queue, 'completed', io.now().getTime()),
          failed: await lastMinute(queue, 'failed', io.now().getTime()),
        },
      });
    }
    if (values.json) {
      io.stdout(JSON.stringify({ queues: rows }));
      return 0;
    }
    const header = [
      'QUEUE',
      ...QUEUE_STATES.map((s) => s.toUpperCase()),
      'DONE/MIN',
      'FAILED/MIN',
      'STATE',
    ];
    const lines = rows.map((row) => [
      row.queue,
      ...QUEUE_STATES.map((s) => String(row.counts[s] ?? 0)),
      String(row.perMinute.completed ?? '-'),
      String(row.perMinute.failed ?? '-'),
      row.paused ? 'paused' : 'running',
    ]);
    const widths = header.map((h, i) =>
      Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)),
    );
    for (const line of [header, ...lines]) {
      io.stdout(
        line
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    }
    return 0;
  });
}
