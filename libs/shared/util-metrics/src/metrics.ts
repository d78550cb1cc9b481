import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A queue's job counts as BullMQ's `getJobCounts` gives them. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/**
 * Every series one bulletin process exposes on `/metrics`. Each process has its own registry
 * (and its own numbers): Prometheus sums counters over processes; queue gauges are the same
 * from every process, so dashboards take `max by (queue)`; a source's silence is that of the
 * process that polled it last, so they take `min by (source)`.
 */
export interface BulletinMetrics {
  readonly registry: Registry;
  /** `bulletin_queue_jobs{queue,state}`: set on each scrape. */
  readonly queueJobs: Gauge<'queue' | 'state'>;
  /** `bulletin_queue_counts_ok`: 1 when the last scrape read every queue's counts in time. */
  readonly queueCountsOk: Gauge;
  /** `bulletin_job_duration_seconds{queue,status}`: processing time of each finished try. */
  readonly jobDuration: Histogram<'queue' | 'status'>;
  /** `bulletin_jobs_total{queue,status}`: `completed`, `retried` or `failed` (for good). */
  readonly jobs: Counter<'queue' | 'status'>;
  /** `bulletin_stories_ingested_total{source}`: stories parsed from wire payloads. */
  readonly storiesIngested: Counter<'source'>;
  /** `bulletin_stories_rejected_total{reason}`: items that could not become stories. */
  readonly storiesRejected: Counter<'reason'>;
  /** `bulletin_stories_enriched_total`: stories tagged. */
  readonly storiesEnriched: Counter;
  /** `bulletin_stories_published_total`: first publications. */
  readonly storiesPublished: Counter;
  /** `bulletin_stories_updated_total`: newer versions that replaced what readers saw. */
  readonly storiesUpdated: Counter;
  /** `bulletin_stories_deduplicated_total`: versions with nothing new. */
  readonly storiesDeduplicated: Counter;
  /** `bulletin_stories_killed_total`: stories withdrawn (tombstoned). */
  readonly storiesKilled: Counter;
  /** `bulletin_feed_renders_total{format}`: feed documents rendered (not cache hits). */
  readonly feedRenders: Counter<'format'>;
  /** `bulletin_digest_messages_total{status}`: `sent` or `failed`. */
  readonly digestMessages: Counter<'status'>;
  /**
   * `bulletin_digest_runs_total{status}`: each try of a digest job, `ok` when it finished,
   * `failed` when it threw (retried or not: the edition's next try resumes the run).
   */
  readonly digestRuns: Counter<'status'>;
  /** `bulletin_source_poll_errors_total{source}`. */
  readonly sourcePollErrors: Counter<'source'>;
  /** `bulletin_source_last_success_timestamp_seconds{source}`: call {@link sourcePolled}. */
  readonly sourceLastSuccess: Gauge<'source'>;
  /**
   * `bulletin_source_seconds_since_success{source}`: computed on each scrape; a source that
   * never answered counts from when it was first started.
   */
  readonly sourceSilence: Gauge<'source'>;
  /** Records a source's successful poll at `atMs` (epoch ms; default: now). */
  sourcePolled(source: string, atMs?: number): void;
}

export interface CreateMetricsOptions {
  /** The current time, epoch ms (for seconds since a source's last success). */
  now?: () => number;
  /** Node process metrics (CPU, memory, event loop lag). @defaultValue true */
  processMetrics?: boolean;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Opens a registry holding every bulletin series. */
export function createMetrics(options: CreateMetricsOptions = {}): BulletinMetrics {
  const registry = new Registry();
  const now = options.now ?? Date.now;
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string = never>(name: string, help: string, labels: L[] = []) =>
    new Counter<L>({ name, help, labelNames: labels, registers });
  const successes = new Map<string, number>();
  const sourceLastSuccess = new Gauge<'source'>({
    name: 'bulletin_source_last_success_timestamp_seconds',
    help: 'When each source was last polled successfully (unix seconds)',
    labelNames: ['source'],
    registers,
  });
  const sourceSilence = new Gauge<'source'>({
    name: 'bulletin_source_seconds_since_success',
    help: 'Seconds since each source was last polled successfully',
    labelNames: ['source'],
    registers,
    collect() {
      for (const [source, at] of successes) this.set({ source }, (now() - at) / 1000);
    },
  });
  return {
    registry,
    queueJobs: new Gauge({
      name: 'bulletin_queue_jobs',
      help: 'Jobs in each queue by state, read on each scrape',
      labelNames: ['queue', 'state'],
      registers,
    }),
    queueCountsOk: new Gauge({
      name: 'bulletin_queue_counts_ok',
      help: '1 when the last scrape read every queue count from Redis in time, else 0',
      registers,
    }),
    jobDuration: new Histogram({
      name: 'bulletin_job_duration_seconds',
      help: 'Processing time of each finished try of a job',
      labelNames: ['queue', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    jobs: counter('bulletin_jobs_total', 'Tries of jobs that ended, by status', [
      'queue',
      'status',
    ]),
    storiesIngested: counter('bulletin_stories_ingested_total', 'Stories parsed', ['source']),
    storiesRejected: counter('bulletin_stories_rejected_total', 'Items refused', ['reason']),
    storiesEnriched: counter('bulletin_stories_enriched_total', 'Stories tagged'),
    storiesPublished: counter('bulletin_stories_published_total', 'First publications'),
    storiesUpdated: counter('bulletin_stories_updated_total', 'Newer versions shown'),
    storiesDeduplicated: counter(
      'bulletin_stories_deduplicated_total',
      'Versions with nothing new',
    ),
    storiesKilled: counter('bulletin_stories_killed_total', 'Stories withdrawn'),
    feedRenders: counter('bulletin_feed_renders_total', 'Feed documents rendered', ['format']),
    digestMessages: counter('bulletin_digest_messages_total', 'Digest messages', ['status']),
    digestRuns: counter('bulletin_digest_runs_total', 'Digest runs', ['status']),
    sourcePollErrors: counter('bulletin_source_poll_errors_total', 'Failed polls', ['source']),
    sourceLastSuccess,
    sourceSilence,
    sourcePolled(source, atMs = now()) {
      successes.set(source, atMs);
      sourceLastSuccess.set({ source }, atMs / 1000);
    },
  };
}
