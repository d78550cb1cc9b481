/**
 * Throughput and latency of the pipeline against the raw chain, in one process each, rounds
 * alternating so a noisy machine hits both sides alike.
 */
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import type { Logger } from '@bulletin/runtime';
import { installCommandCounter, takeCommandCounts } from '../support/command-counter.js';
import { coresBusy, sampleCpu, type CpuSample } from '../support/cpu.js';
import { measureLatency, measureThroughput, type Latency } from '../support/measure.js';
import { startPipeline } from '../support/pipeline-run.js';
import { startRawChain } from '../support/raw-chain.js';
import type { BenchSystem } from '../support/system.js';

export interface PipelineOptions {
  redisUrl: string;
  payloads: readonly string[];
  stories: number;
  rounds: number;
  concurrency: number;
  latencyRate: number;
  latencySeconds: number;
  /** Seconds at the steady rate before the latency run, not counted. */
  warmupSeconds: number;
  log: Logger;
}

type Kind = 'raw' | 'pipeline';

async function withSystem<T>(
  kind: Kind,
  options: PipelineOptions,
  run: (system: BenchSystem) => Promise<T>,
): Promise<T> {
  const prefix = uniquePrefix(`bench-${kind}`);
  const { redisUrl, payloads, concurrency, log } = options;
  const system =
    kind === 'raw'
      ? startRawChain(redisUrl, prefix, payloads, concurrency, log)
      : await startPipeline(redisUrl, prefix, payloads, concurrency, log);
  try {
    return await run(system);
  } finally {
    await system.stop();
    await deleteKeys(redisUrl, prefix);
  }
}

export interface ThroughputRun {
  rate: number;
  cores: CpuSample;
  commandsPerStory: number;
}

function throughput(kind: Kind, options: PipelineOptions): Promise<ThroughputRun> {
  return withSystem(kind, options, async (system) => {
    takeCommandCounts();
    const before = await sampleCpu(options.redisUrl);
    const rate = await measureThroughput(system, options.stories);
    const cores = coresBusy(before, await sampleCpu(options.redisUrl), options.stories / rate);
    const { total } = takeCommandCounts();
    return { rate, cores, commandsPerStory: Number((total / options.stories).toFixed(2)) };
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface PipelineFigures {
  raw: ThroughputRun[];
  pipeline: ThroughputRun[];
  rawLatency: Latency;
  pipelineLatency: Latency;
  throughputRatio: number;
}

/** Runs the throughput rounds, then one latency run each at the steady rate. */
export async function benchPipeline(
  options: PipelineOptions,
  say: (line: string) => void,
): Promise<PipelineFigures> {
  installCommandCounter();
  const raw: ThroughputRun[] = [];
  const pipeline: ThroughputRun[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    raw.push(await throughput('raw', options));
    pipeline.push(await throughput('pipeline', options));
    const [r, p] = [raw.at(-1), pipeline.at(-1)];
    say(
      `  round ${round}: raw ${Math.round(r?.rate ?? 0)}/s, pipeline ${Math.round(p?.rate ?? 0)}/s, ratio ${((p?.rate ?? 0) / (r?.rate ?? 1)).toFixed(3)}`,
    );
  }
  // Latency swings with whatever else the machine runs, so it too is measured in alternating
  // rounds; each side's figure is its round with the median p99.
  const count = options.latencyRate * options.latencySeconds;
  const warmup = options.latencyRate * options.warmupSeconds;
  const rawLatencies: Latency[] = [];
  const pipelineLatencies: Latency[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    rawLatencies.push(
      await withSystem('raw', options, (system) =>
        measureLatency(system, count, options.latencyRate, warmup),
      ),
    );
    pipelineLatencies.push(
      await withSystem('pipeline', options, (system) =>
        measureLatency(system, count, options.latencyRate, warmup),
      ),
    );
    const [r, p] = [rawLatencies.at(-1), pipelineLatencies.at(-1)];
    say(
      `  latency round ${round} at ${options.latencyRate}/s for ${options.latencySeconds} s after ${options.warmupSeconds} s warm-up, p50/p99 ms: raw ${r?.p50}/${r?.p99}, pipeline ${p?.p50}/${p?.p99}`,
    );
  }
  const rawLatency = medianByP99(rawLatencies);
  const pipelineLatency = medianByP99(pipelineLatencies);
  return {
    raw,
    pipeline,
    rawLatency,
    pipelineLatency,
    throughputRatio: Number(
      (median(pipeline.map((r) => r.rate)) / median(raw.map((r) => r.rate))).toFixed(3),
    ),
  };
}

/** The run whose p99 is the median of the runs'. */
function medianByP99(runs: readonly Latency[]): Latency {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  return sorted[Math.floor(sorted.length / 2)] as Latency;
}

export { median };
