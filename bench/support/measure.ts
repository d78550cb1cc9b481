/** Throughput and steady-rate latency, measured the same way for any {@link BenchSystem}. */
import type { BenchSystem } from './system.js';

/** Stories per second with every payload enqueued at once (in chunks of 500). */
export async function measureThroughput(system: BenchSystem, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 500) {
    await system.submit(Array.from({ length: Math.min(500, count - i) }, (_, k) => i + k));
  }
  while ((await system.countDone()) < count) await new Promise((resolve) => setTimeout(resolve, 5));
  return count / ((performance.now() - started) / 1000);
}

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  /** Every story's enqueue-to-done time, ms, sorted: the distribution the chart draws. */
  samples: number[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/**
 * Enqueue-to-done milliseconds with payloads sent one at a time at a steady rate. The first
 * `warmup` payloads go at the same rate but are not counted: a server answers warm, and a cold
 * start (JIT, first connections) would otherwise be most of the p99 of a 30-second run.
 */
export async function measureLatency(
  system: BenchSystem,
  count: number,
  perSecond: number,
  warmup = 0,
): Promise<Latency> {
  const total = warmup + count;
  const sentAt = new Array<number>(total);
  const took: number[] = [];
  let resolveFinished: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
  await system.onDone((index) => {
    if (index < warmup) return;
    took.push(performance.now() - (sentAt[index] ?? 0));
    if (took.length === count) resolveFinished();
  });
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt[i] = performance.now();
    // Not awaited: a steady sender does not wait for one enqueue before timing the next.
    sends.push(system.submit([i]));
  }
  await Promise.all(sends);
  await finished;
  const sorted = took.sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(1));
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    samples: sorted.map(round),
  };
}
