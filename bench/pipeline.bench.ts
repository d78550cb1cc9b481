/**
 * `npm run bench`: stories shaped like the example pushed through the running pipeline, from
 * the ingest queue to published in the feed, against a raw BullMQ chain of three no-op stages
 * carrying the same payloads with the same concurrency, alternating in one run:
 * 1. throughput: BENCH_STORIES (5,000) enqueued at once;
 * 2. latency: BENCH_LATENCY_STORIES (2,000) sent one by one at BENCH_RATE (200) per second.
 * Prints both rates, their ratio and the latencies; writes bench/results/pipeline.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { installCommandCounter, takeCommandCounts } from './support/command-counter.js';
import { coresBusy, sampleCpu, type CpuSample } from './support/cpu.js';
import { measureLatency, measureThroughput, type Latency } from './support/measure.js';
import { buildPayloads } from './support/payloads.js';
import { startPipeline } from './support/pipeline-run.js';
import { startRawChain } from './support/raw-chain.js';
import type { BenchSystem } from './support/system.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const STORIES = env('BENCH_STORIES', 5000);
const LATENCY_STORIES = env('BENCH_LATENCY_STORIES', 2000);
const RATE = env('BENCH_RATE', 200);
const ROUNDS = env('BENCH_ROUNDS', 3);
const CONCURRENCY = env('BENCH_CONCURRENCY', 8);
const log = createLogger({ level: 'warn' });
const payloads = buildPayloads(Math.max(STORIES, LATENCY_STORIES));

type Kind = 'raw' | 'pipeline';
const start = (kind: Kind, prefix: string): Promise<BenchSystem> | BenchSystem =>
  kind === 'raw'
    ? startRawChain(REDIS_URL, prefix, payloads, CONCURRENCY, log)
    : startPipeline(REDIS_URL, prefix, payloads, CONCURRENCY, log);

async function withSystem<T>(kind: Kind, run: (system: BenchSystem) => Promise<T>): Promise<T> {
  const prefix = uniquePrefix(`bench-${kind}`);
  const system = await start(kind, prefix);
  try {
    return await run(system);
  } finally {
    await system.stop();
    await deleteKeys(REDIS_URL, prefix);
  }
}

interface ThroughputRun {
  rate: number;
  cores: CpuSample;
  commandsPerStory: number;
  byCommand: Record<string, number>;
}

function throughput(kind: Kind): Promise<ThroughputRun> {
  return withSystem(kind, async (system) => {
    takeCommandCounts();
    const before = await sampleCpu(REDIS_URL);
    const rate = await measureThroughput(system, STORIES);
    const cores = coresBusy(before, await sampleCpu(REDIS_URL), STORIES / rate);
    const { total, byCommand } = takeCommandCounts();
    const perStory = Object.fromEntries(
      Object.entries(byCommand).map(([name, n]) => [name, Number((n / STORIES).toFixed(2))]),
    );
    return {
      rate,
      cores,
      commandsPerStory: Number((total / STORIES).toFixed(2)),
      byCommand: perStory,
    };
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const runs = {
  raw: [] as ThroughputRun[],
  pipeline: [] as ThroughputRun[],
  rawLatency: [] as Latency[],
  pipelineLatency: [] as Latency[],
};

installCommandCounter();
console.log(
  `bench: ${STORIES} stories of ~${Math.round(Buffer.byteLength(payloads[0] ?? '') / 100) / 10} kB, concurrency ${CONCURRENCY}, ${ROUNDS} rounds`,
);
for (let round = 1; round <= ROUNDS; round += 1) {
  const raw = await throughput('raw');
  const pipeline = await throughput('pipeline');
  const rawLatency = await withSystem('raw', (s) => measureLatency(s, LATENCY_STORIES, RATE));
  const pipelineLatency = await withSystem('pipeline', (s) =>
    measureLatency(s, LATENCY_STORIES, RATE),
  );
  runs.raw.push(raw);
  runs.pipeline.push(pipeline);
  runs.rawLatency.push(rawLatency);
  runs.pipelineLatency.push(pipelineLatency);
  console.log(
    `round ${round}: raw ${raw.rate.toFixed(0)}/s (node ${raw.cores.node}, redis ${raw.cores.redis} cores), ` +
      `pipeline ${pipeline.rate.toFixed(0)}/s (node ${pipeline.cores.node}, redis ${pipeline.cores.redis}), ratio ${(pipeline.rate / raw.rate).toFixed(3)}; ` +
      `at ${RATE}/s p50/p99 ms: raw ${rawLatency.p50}/${rawLatency.p99}, pipeline ${pipelineLatency.p50}/${pipelineLatency.p99}`,
  );
}
const rawRate = median(runs.raw.map((r) => r.rate));
const pipelineRate = median(runs.pipeline.map((r) => r.rate));
const latency = (list: Latency[]) => ({
  p50: median(list.map((l) => l.p50)),
  p99: median(list.map((l) => l.p99)),
});
const result = {
  date: new Date().toISOString(),
  node: process.version,
  stories: STORIES,
  rounds: ROUNDS,
  concurrency: CONCURRENCY,
  payloadBytes: Buffer.byteLength(payloads[0] ?? ''),
  rawChainPerSecond: Math.round(rawRate),
  pipelinePerSecond: Math.round(pipelineRate),
  throughputRatio: Number((pipelineRate / rawRate).toFixed(3)),
  latencyAtRate: {
    storiesPerSecond: RATE,
    stories: LATENCY_STORIES,
    rawChainMs: latency(runs.rawLatency),
    pipelineMs: latency(runs.pipelineLatency),
  },
  coresBusy: {
    rawChain: runs.raw.map((r) => r.cores),
    pipeline: runs.pipeline.map((r) => r.cores),
  },
  redisCommandsPerStory: {
    rawChain: median(runs.raw.map((r) => r.commandsPerStory)),
    pipeline: median(runs.pipeline.map((r) => r.commandsPerStory)),
    rawChainByCommand: runs.raw.at(-1)?.byCommand,
    pipelineByCommand: runs.pipeline.at(-1)?.byCommand,
  },
  rounds_detail: runs.raw.map((r, i) => ({
    raw: Math.round(r.rate),
    pipeline: Math.round(runs.pipeline[i]?.rate ?? 0),
  })),
};
console.log(
  `raw chain: ${result.rawChainPerSecond} stories/s, pipeline: ${result.pipelinePerSecond} stories/s (medians of ${ROUNDS})`,
);
console.log(`throughputRatio: ${result.throughputRatio} (goal >= 0.75)`);
console.log(
  `latency at ${RATE}/s, p50/p99 ms: raw ${result.latencyAtRate.rawChainMs.p50}/${result.latencyAtRate.rawChainMs.p99}, pipeline ${result.latencyAtRate.pipelineMs.p50}/${result.latencyAtRate.pipelineMs.p99}`,
);
console.log(
  `redis commands per story: pipeline ${result.redisCommandsPerStory.pipeline}, raw chain ${result.redisCommandsPerStory.rawChain}`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/pipeline.json', import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log('wrote bench/results/pipeline.json');
