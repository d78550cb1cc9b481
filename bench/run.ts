/**
 * `npm run bench`: bulletin measured against baselines run side by side on this machine, each
 * figure a ratio so a noisy machine does not fool it. Starts its own pipelines against the
 * local Redis under unique prefixes (about 8 minutes). Prints a table and writes
 * `bench/out/bench.json`; with `-- --record`, writes `bench/results/bench.json` and the SVG
 * charts the README shows instead. `-- --only=pipeline,feeds` runs some sections.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '@bulletin/runtime';
import { benchDigest, type DigestFigures } from './sections/digest.js';
import { benchFeeds, type FeedFigures } from './sections/feeds.js';
import { benchMemory, type MemoryFigures } from './sections/memory.js';
import { benchPipeline, median, type PipelineFigures } from './sections/pipeline.js';
import { benchScaling, type Layout } from './sections/scaling.js';
import { benchTagging, type TaggingFigures } from './sections/tagging.js';
import { buildCorpus } from './support/corpus.js';
import { barChart, latencyChart } from './support/svg.js';

const { values } = parseArgs({
  options: { record: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const STORIES = env('BENCH_STORIES', 20_000);
const sections = new Set(
  (values.only ?? 'pipeline,scaling,feeds,memory,tagging,digest').split(','),
);
const log = createLogger({ level: 'warn' });
const say = (line: string) => console.log(line);
const started = Date.now();

say(`bench: ${STORIES} stories of 600-900 words on this machine (node ${process.version})`);
const RATE = env('BENCH_RATE', 200);
const LATENCY_SECONDS = env('BENCH_LATENCY_SECONDS', 30);
const WARMUP_SECONDS = env('BENCH_WARMUP_SECONDS', 5);
// Every story of the latency run is a distinct payload (a repeat would publish nothing), so the
// corpus covers that run too when BENCH_STORIES is smaller.
const payloads = buildCorpus(
  sections.has('pipeline') ? Math.max(STORIES, RATE * (WARMUP_SECONDS + LATENCY_SECONDS)) : STORIES,
);
const concurrency = env('BENCH_CONCURRENCY', 8);

let pipeline: PipelineFigures | undefined;
let scaling: Layout[] | undefined;
let feeds: FeedFigures | undefined;
let memory: MemoryFigures | undefined;
let tagging: TaggingFigures | undefined;
let digest: DigestFigures | undefined;

if (sections.has('pipeline')) {
  say('pipeline against a raw three-stage BullMQ chain, one process each:');
  pipeline = await benchPipeline(
    {
      redisUrl: REDIS_URL,
      payloads,
      stories: STORIES,
      rounds: env('BENCH_ROUNDS', 2),
      concurrency,
      latencyRate: RATE,
      latencySeconds: LATENCY_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      log,
    },
    say,
  );
}
if (sections.has('scaling')) {
  say('scaling, each layout against a raw chain laid out the same way:');
  scaling = await benchScaling(
    {
      redisUrl: REDIS_URL,
      payloads,
      stories: env('BENCH_SCALING_STORIES', 10_000),
      concurrency,
      log,
    },
    say,
  );
}
if (sections.has('feeds')) {
  say('feed serving against a bare Fastify route sending the same bytes:');
  feeds = await benchFeeds(REDIS_URL, payloads[0] ?? '', env('BENCH_HTTP_SECONDS', 5), log, say);
}
if (sections.has('memory')) {
  memory = await benchMemory(REDIS_URL, payloads.slice(0, env('BENCH_MEMORY_STORIES', 5000)), log);
  say(
    `memory: ${memory.redisBytesPerStory} Redis bytes per stored story for ${memory.storyJsonBytes} bytes of story JSON, ${memory.ratio}x`,
  );
}
if (sections.has('tagging')) {
  tagging = await benchTagging(payloads.slice(0, 2000));
  say(
    `tagging: ${tagging.storiesPerSecond} stories/s of ${tagging.averageWords} words on one core`,
  );
}
if (sections.has('digest')) {
  say('digest: one edition into a local SMTP sink against nodemailer sending the same bytes:');
  digest = await benchDigest(REDIS_URL, env('BENCH_DIGEST_SUBSCRIBERS', 10_000), log, say);
}

const peaks = scaling?.flatMap((layout) => Object.values(layout.peakRssMb ?? {})) ?? [];
const result = {
  date: new Date().toISOString(),
  node: process.version,
  stories: STORIES,
  seconds: Math.round((Date.now() - started) / 1000),
  throughputRatio: pipeline?.throughputRatio,
  latencyP50Ms: pipeline?.pipelineLatency.p50,
  latencyP99Ratio: pipeline
    ? Number((pipeline.pipelineLatency.p99 / pipeline.rawLatency.p99).toFixed(2))
    : undefined,
  feedServeRatio: feeds?.feedServeRatio,
  notModifiedRatio: feeds?.notModifiedRatio,
  digestSendRatio: digest?.digestSendRatio,
  tagStoriesPerSec: tagging?.storiesPerSecond,
  peakRssMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
  redisBytesPerStory: memory?.redisBytesPerStory,
  detail: {
    pipeline: pipeline && {
      rawPerSecond: Math.round(median(pipeline.raw.map((r) => r.rate))),
      pipelinePerSecond: Math.round(median(pipeline.pipeline.map((r) => r.rate))),
      rounds: pipeline.raw.map((r, i) => ({
        raw: Math.round(r.rate),
        pipeline: Math.round(pipeline?.pipeline[i]?.rate ?? 0),
        rawCores: r.cores,
        pipelineCores: pipeline?.pipeline[i]?.cores,
        rawCommandsPerStory: r.commandsPerStory,
        pipelineCommandsPerStory: pipeline?.pipeline[i]?.commandsPerStory,
      })),
      latency: {
        raw: {
          p50: pipeline.rawLatency.p50,
          p99: pipeline.rawLatency.p99,
          max: pipeline.rawLatency.max,
        },
        pipeline: {
          p50: pipeline.pipelineLatency.p50,
          p99: pipeline.pipelineLatency.p99,
          max: pipeline.pipelineLatency.max,
        },
      },
    },
    scaling,
    feeds,
    memory,
    tagging,
    digest,
  },
};

say('');
say('figure               value   goal');
const row = (name: string, value: unknown, goal: string) =>
  say(`${name.padEnd(20)} ${String(value ?? '-').padEnd(7)} ${goal}`);
row('throughputRatio', result.throughputRatio, '>= 0.8');
row('latencyP50Ms', result.latencyP50Ms, '< 10');
row('latencyP99Ratio', result.latencyP99Ratio, '<= 2');
row('feedServeRatio', result.feedServeRatio, '>= 0.8');
row('notModifiedRatio', result.notModifiedRatio, '>= 0.8');
row('digestSendRatio', result.digestSendRatio, '>= 0.5');
row('tagStoriesPerSec', result.tagStoriesPerSec, '>= 10000');
row('peakRssMb', result.peakRssMb, '< 150 per role');
row(
  'redisBytesPerStory',
  result.redisBytesPerStory,
  `< 1.5x story JSON (${memory?.ratio ?? '-'}x)`,
);

const dir = new URL(values.record ? './results/' : './out/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('bench.json', dir), `${JSON.stringify(result, null, 2)}\n`);
if (pipeline) {
  writeFileSync(
    new URL('latency.svg', dir),
    latencyChart(`Latency at ${RATE} stories/s`, [
      { name: 'raw BullMQ chain', samples: pipeline.rawLatency.samples },
      { name: 'bulletin pipeline', samples: pipeline.pipelineLatency.samples },
    ]),
  );
}
if (scaling) {
  writeFileSync(
    new URL('throughput.svg', dir),
    barChart(
      'Throughput per layout',
      'stories/s',
      scaling.map((l) => ({ label: l.layout, values: [l.rawPerSecond, l.pipelinePerSecond] })),
      ['raw BullMQ chain', 'bulletin pipeline'],
    ),
  );
}
say(`wrote ${new URL('bench.json', dir).pathname}${values.record ? ' and the charts' : ''}`);
process.exit(0);
