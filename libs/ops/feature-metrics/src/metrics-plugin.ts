import type { HttpPlugin } from '@bulletin/http';
import { QUEUE_STATES, type BulletinMetrics } from '@bulletin/metrics';
import type { Logger } from '@bulletin/runtime';
import type { Queue } from 'bullmq';

export interface MetricsPluginOptions {
  metrics: BulletinMetrics;
  /** The queues whose counts each scrape reads: on the fail-fast connection. */
  queues: readonly Queue[];
  /**
   * How long a scrape may wait for Redis; past it the counts keep their last values and
   * `bulletin_queue_counts_ok` is 0, so a lost Redis never hangs the scraper. @defaultValue 2000
   */
  countsTimeoutMs?: number;
  log: Logger;
}

async function readCounts(options: MetricsPluginOptions): Promise<void> {
  const { metrics, queues } = options;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('timed out')), options.countsTimeoutMs ?? 2000);
  });
  try {
    const counts = await Promise.race([
      Promise.all(queues.map((queue) => queue.getJobCounts(...QUEUE_STATES))),
      late,
    ]);
    counts.forEach((byState, index) => {
      const queue = queues[index]?.name ?? '';
      for (const state of QUEUE_STATES)
        metrics.queueJobs.set({ queue, state }, byState[state] ?? 0);
    });
    metrics.queueCountsOk.set(1);
  } catch (error) {
    metrics.queueCountsOk.set(0);
    options.log.warn({ err: (error as Error).message }, 'metrics: queue counts unavailable');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /metrics` in Prometheus text format: this process's series (each process of a
 * multi-process deployment serves its own; Prometheus adds them up) and every queue's counts,
 * read from Redis on each scrape within a bound.
 */
export function metricsPlugin(options: MetricsPluginOptions): HttpPlugin {
  return {
    name: 'metrics',
    register(app) {
      app.get('/metrics', async (_request, reply) => {
        await readCounts(options);
        const body = await options.metrics.registry.metrics();
        return reply
          .header('cache-control', 'no-store')
          .type(options.metrics.registry.contentType)
          .send(body);
      });
    },
  };
}
