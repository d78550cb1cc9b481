import type { Config } from '@bulletin/config';
import type { Readiness } from '@bulletin/http';
import type { StageName } from '@bulletin/contracts';
import {
  createPipelineQueues,
  startWorker,
  type JobSettled,
  type PipelineQueues,
  type StageProcessor,
} from '@bulletin/queues';
import { countOutcome, createMetrics, type BulletinMetrics } from '@bulletin/metrics';
import {
  checkRedisServer,
  closeRedis,
  createRedisConnection,
  ensureRedis,
  type Redis,
} from '@bulletin/redis';
import { createShutdown, type Logger, type Shutdown } from '@bulletin/runtime';
import { ensureSchema, storeKeys } from '@bulletin/store';
import type { Worker } from 'bullmq';

/** What every role of one process shares. */
export interface Platform {
  readonly config: Config;
  readonly log: Logger;
  readonly shutdown: Shutdown;
  /**
   * `patient` retries through a Redis restart (workers, their hand-offs and store writes: a job
   * cannot progress without Redis anyway); `failFast` answers a person (HTTP, CLI) at once.
   */
  readonly redis: { readonly patient: Redis; readonly failFast: Redis };
  /** The pipeline's queues on the patient connection: what workers hand off through. */
  readonly queues: PipelineQueues;
  /** The same queues on the fail-fast connection: for producers answering a request. */
  readonly intake: PipelineQueues;
  /** This process's Prometheus series; roles increment theirs, `/metrics` serves them. */
  readonly metrics: BulletinMetrics;
  /** Workers this process runs; readiness asks them. */
  readonly workers: readonly Worker[];
  /**
   * Starts a stage's worker with the configured locks and stall limits, hand-offs through
   * {@link Platform.queues}; registers it for readiness and to stop first on shutdown.
   */
  startWorker<S extends StageName>(
    stage: S,
    process: StageProcessor<S>,
    concurrency: number,
  ): Worker;
  /** Redis answers and every worker of this process is running. */
  readiness(): Promise<Readiness>;
}

export interface OpenPlatformOptions {
  /** How the process ends once shutdown has run. @defaultValue `process.exit` */
  exit?: (code: number) => void;
  /**
   * Start (or adopt) a private redis-server when none answers: `bulletin start` on a
   * developer's machine only. Role processes never do, so several cannot fight over one.
   * @defaultValue false
   */
  privateRedis?: boolean;
}

function connect(config: Config, log: Logger, shutdown: Shutdown) {
  const open = (role: 'worker' | 'client', name: string) => {
    const redis = createRedisConnection(config.redis, {
      role,
      name: `${config.prefix}:${name}`,
      log,
    });
    shutdown.add(`redis ${name} connection`, () => closeRedis(redis), { phase: 'close' });
    return redis;
  };
  return { patient: open('worker', 'patient'), failFast: open('client', 'fail-fast') };
}

/** The source a job is about: an ingest job's wire source, a poll job's feed source. */
function sourceOf(data: unknown): string {
  const job = data as { source?: { id?: unknown }; sourceId?: unknown } | null;
  if (typeof job?.source?.id === 'string') return job.source.id;
  return typeof job?.sourceId === 'string' ? job.sourceId : 'unknown';
}

/**
 * Job counts and durations of every try, digest runs (a try that threw is a failed run), and
 * story and source counts from each completed result.
 */
function recordSettled(metrics: BulletinMetrics, settled: JobSettled): void {
  const { queue, status } = settled;
  metrics.jobs.inc({ queue, status });
  metrics.jobDuration.observe({ queue, status }, settled.durationMs / 1000);
  if (settled.stage === 'digest')
    metrics.digestRuns.inc({ status: status === 'completed' ? 'ok' : 'failed' });
  if (status !== 'completed') return;
  // A successful poll's time is now, by the metrics' clock.
  countOutcome(metrics, settled.stage, settled.result, sourceOf(settled.data));
}

async function readinessOf(redis: Redis, workers: readonly Worker[], shutdown: Shutdown) {
  if (shutdown.started) return { ready: false, checks: {}, reason: 'shutting down' };
  const pong = await redis.ping().then(
    (reply) => reply === 'PONG',
    () => false,
  );
  const running = workers.every((worker) => worker.isRunning());
  const checks = { redis: pong, workers: running };
  if (pong && running) return { ready: true, checks };
  return {
    ready: false,
    checks,
    reason: pong ? 'a worker is not running' : 'Redis does not answer',
  };
}

/**
 * Opens what a process shares: makes sure Redis answers (a private server only when asked),
 * checks the store's schema, opens the connections and queues, and registers each on the
 * shutdown in its phase. On a failure, closes what it had opened before rethrowing.
 */
export async function openPlatform(
  config: Config,
  log: Logger,
  options: OpenPlatformOptions = {},
): Promise<Platform> {
  const shutdown = createShutdown({
    timeoutMs: config.shutdownTimeoutMs,
    log,
    exit: options.exit ?? ((code) => process.exit(code)),
  });
  const server = await ensureRedis({
    url: config.redis.url,
    clusterNodes: config.redis.clusterNodes,
    autostart: (options.privateRedis ?? false) && config.redis.autostart,
    dataDir: config.redis.dataDir,
    log,
  });
  shutdown.add('private redis-server', () => server.stop(), { phase: 'last' });
  try {
    const redis = connect(config, log, shutdown);
    await checkRedisServer(redis.failFast, log);
    await ensureSchema(redis.failFast, storeKeys(config.prefix), config.prefix);
    const queueOptions = { prefix: config.prefix, log, attempts: config.workers.jobAttempts };
    const queues = createPipelineQueues({ ...queueOptions, connection: redis.patient });
    const intake = createPipelineQueues({ ...queueOptions, connection: redis.failFast });
    shutdown.add(
      'queues',
      () => Promise.all([queues.close(), intake.close()]).then(() => undefined),
      {
        phase: 'close',
      },
    );
    const workers: Worker[] = [];
    const metrics = createMetrics();
    return {
      config,
      log,
      shutdown,
      redis,
      queues,
      intake,
      metrics,
      workers,
      startWorker(stage, process, concurrency) {
        const worker = startWorker(stage, process, {
          connection: redis.patient,
          queues,
          prefix: config.prefix,
          concurrency,
          lockMs: config.workers.lockMs,
          maxStalls: config.workers.maxStalls,
          log,
          onSettled: (settled) => recordSettled(metrics, settled),
        });
        workers.push(worker);
        // Stops taking jobs at once and drains; bounded so a lost Redis cannot hold the
        // shutdown (the close phase then drops the connections, which ends the drain).
        shutdown.add(`${stage} worker`, () => worker.close(), {
          phase: 'intake',
          timeoutMs: Math.max(500, config.shutdownTimeoutMs - 2000),
        });
        return worker;
      },
      readiness: () => readinessOf(redis.failFast, workers, shutdown),
    };
  } catch (error) {
    await shutdown.run('start failed', { exit: false });
    throw error;
  }
}
