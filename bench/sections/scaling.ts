/**
 * Throughput in three layouts, each against a raw chain laid out the same way: every role in one
 * process; each role in its own process (as docker-compose runs them); and with two enrich
 * processes. Also the peak resident memory of every role process.
 */
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import type { Logger } from '@bulletin/runtime';
import { measureThroughput } from '../support/measure.js';
import { startPipeline } from '../support/pipeline-run.js';
import { startRawProcesses, startRoleProcesses, type ProcessSystem } from '../support/processes.js';
import { startRawChain } from '../support/raw-chain.js';
import type { BenchSystem } from '../support/system.js';

export interface ScalingOptions {
  redisUrl: string;
  payloads: readonly string[];
  stories: number;
  concurrency: number;
  log: Logger;
}

export interface Layout {
  layout: string;
  rawPerSecond: number;
  pipelinePerSecond: number;
  ratio: number;
  /** Peak resident memory of each process, MB (multi-process layouts). */
  peakRssMb?: Record<string, number>;
}

async function measure(
  start: (prefix: string) => Promise<BenchSystem>,
  options: ScalingOptions,
): Promise<{ rate: number; peaks?: Record<string, number> }> {
  const prefix = uniquePrefix('bench-scale');
  const system = await start(prefix);
  try {
    const rate = await measureThroughput(system, options.stories);
    const peaks = 'peaks' in system ? (system as ProcessSystem).peaks() : undefined;
    return { rate, ...(peaks ? { peaks } : {}) };
  } finally {
    await system.stop();
    await deleteKeys(options.redisUrl, prefix);
  }
}

export async function benchScaling(
  options: ScalingOptions,
  say: (line: string) => void,
): Promise<Layout[]> {
  const { redisUrl, payloads, concurrency, log } = options;
  const layouts: [
    string,
    (prefix: string) => Promise<BenchSystem>,
    (prefix: string) => Promise<BenchSystem>,
  ][] = [
    [
      'one process',
      async (p) => startRawChain(redisUrl, p, payloads, concurrency, log),
      (p) => startPipeline(redisUrl, p, payloads, concurrency, log),
    ],
    [
      'a process per role',
      (p) => startRawProcesses(redisUrl, p, [1, 1, 1], payloads, concurrency, log),
      (p) =>
        startRoleProcesses(
          redisUrl,
          p,
          ['ingest', 'enrich', 'index', 'http'],
          payloads,
          concurrency,
          log,
        ),
    ],
    [
      'two enrich processes',
      (p) => startRawProcesses(redisUrl, p, [1, 2, 1], payloads, concurrency, log),
      (p) =>
        startRoleProcesses(
          redisUrl,
          p,
          ['ingest', 'enrich', 'enrich', 'index', 'http'],
          payloads,
          concurrency,
          log,
        ),
    ],
  ];
  const results: Layout[] = [];
  for (const [layout, raw, pipeline] of layouts) {
    const r = await measure(raw, options);
    const p = await measure(pipeline, options);
    const row: Layout = {
      layout,
      rawPerSecond: Math.round(r.rate),
      pipelinePerSecond: Math.round(p.rate),
      ratio: Number((p.rate / r.rate).toFixed(3)),
      ...(p.peaks ? { peakRssMb: p.peaks } : {}),
    };
    results.push(row);
    say(
      `  ${layout}: raw ${row.rawPerSecond}/s, pipeline ${row.pipelinePerSecond}/s, ratio ${row.ratio}${row.peakRssMb ? `; peak RSS MB ${JSON.stringify(row.peakRssMb)}` : ''}`,
    );
  }
  return results;
}
