/**
 * Feed serving: a cached 50-item topic feed served by bulletin's HTTP server against a bare
 * Fastify route sending the same bytes, loaded by autocannon (-c 50) from a process of its own,
 * for full answers and for 304s; and the time to re-render a topic feed with 1,000 and with
 * 100,000 stories stored (it must not grow with the archive).
 */
import { spawn } from 'node:child_process';
import { buildHttpServer, listenHttp } from '@bulletin/http';
import { feedsPlugin, createFeedService } from '@bulletin/publish';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import type { Logger } from '@bulletin/runtime';
import { createChangeFeed, createFeedIndex, createStoryStore, storeKeys } from '@bulletin/store';
import type { Story, Subject } from '@bulletin/story';
import { digest, storyId, storyUri } from '@bulletin/story';
import { parseWire } from '@bulletin/wire';
import Fastify from 'fastify';

const TOPIC: Subject = {
  slug: 'local-government',
  name: 'Local government',
  codes: ['medtop:20000612'],
  confidence: 0.9,
  matched: ['council'],
};
const RENDER = {
  baseUrl: 'http://localhost:3000',
  siteTitle: 'bulletin',
  emptyUpdated: '1970-01-01T00:00:00.000Z',
};

/** Requests per second autocannon sustained against `url`. */
function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<number> {
  const args = [
    'autocannon',
    '-c',
    '50',
    '-d',
    String(seconds),
    '-j',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      try {
        const result = JSON.parse(out) as { requests: { average: number }; non2xx: number };
        resolve(result.requests.average);
      } catch {
        reject(new Error(`autocannon exited ${code}: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** `count` stories tagged with one topic, derived from `template` (distinct ids and dates). */
function stories(template: Story, count: number, from = 0): Story[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const uri = storyUri('bench', `feed-${i}`);
    const headline = `${template.headline} (${i})`;
    return {
      ...template,
      id: storyId(uri),
      uri,
      headline,
      firstcreated: new Date(Date.UTC(2014, 0, 1) + i * 60_000).toISOString(),
      versioncreated: new Date(Date.UTC(2014, 0, 1) + i * 60_000).toISOString(),
      subjects: [TOPIC],
      contentHash: digest(headline, template.bodyText),
    };
  });
}

async function publishAll(redis: Redis, prefix: string, list: Story[]): Promise<void> {
  const store = createStoryStore(redis, storeKeys(prefix));
  for (let i = 0; i < list.length; i += 500) {
    await Promise.all(
      list.slice(i, i + 500).map((story) => store.publish(story, { now: Date.now() })),
    );
  }
}

export interface FeedFigures {
  feedBytes: number;
  bareFull: number;
  bulletinFull: number;
  feedServeRatio: number;
  bare304: number;
  bulletin304: number;
  notModifiedRatio: number;
  rerenderMs: { stored1k: number; stored100k: number; ratio: number };
}

async function rerenderMs(redis: Redis, prefix: string, log: Logger): Promise<number> {
  const keys = storeKeys(prefix);
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const service = createFeedService({
      store: createStoryStore(redis, keys),
      index: createFeedIndex(redis, keys),
      topics: [{ slug: TOPIC.slug, name: TOPIC.name }],
      render: RENDER,
      feedSize: 50,
      onError: (error) => log.error({ err: error }, 'render'),
    });
    const started = performance.now();
    await service.get(`topics/${TOPIC.slug}`, 'atom');
    times.push(performance.now() - started);
    service.close();
  }
  return Number([...times].sort((a, b) => a - b)[10]?.toFixed(2));
}

export async function benchFeeds(
  redisUrl: string,
  examplePayload: string,
  seconds: number,
  log: Logger,
  say: (line: string) => void,
): Promise<FeedFigures> {
  const redis = createRedisConnection(redisUrl, { role: 'client', name: 'bench-feeds', log });
  const prefix = uniquePrefix('bench-feeds');
  const keys = storeKeys(prefix);
  const [template] = (
    await parseWire({
      bytes: examplePayload,
      source: { id: 'bench', name: 'Bench wire' },
      receivedAt: '2014-11-18T00:00:00.000Z',
    })
  ).stories;
  if (!template) throw new Error('the example did not parse');
  await publishAll(redis, prefix, stories(template, 1000));
  const subscriber = redis.duplicate();
  const app = await buildHttpServer({
    plugins: [
      feedsPlugin({
        store: createStoryStore(redis, keys),
        index: createFeedIndex(redis, keys),
        topics: [{ slug: TOPIC.slug, name: TOPIC.name }],
        render: RENDER,
        feedSize: 50,
        rateLimitPerMinute: 0,
        changes: createChangeFeed(subscriber, keys, log),
        log,
      }),
    ],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  const url = `${await listenHttp(app, { host: '127.0.0.1', port: 0 })}/feeds/topics/${TOPIC.slug}.atom`;
  const sample = await fetch(url);
  const body = Buffer.from(await sample.arrayBuffer());
  const etag = sample.headers.get('etag') ?? '';
  // The same bytes with the same headers, from a route that does nothing else.
  const headers = Object.fromEntries(
    [
      'etag',
      'last-modified',
      'cache-control',
      'vary',
      'content-type',
      'x-content-type-options',
    ].map((name) => [name, sample.headers.get(name) ?? '']),
  );
  const bare = Fastify();
  bare.get('/feed', (request, reply) => {
    void reply.headers(headers);
    return request.headers['if-none-match'] === etag ? reply.code(304).send() : reply.send(body);
  });
  const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/feed`;
  // Alternating rounds, so a noisy moment of the machine hits both sides alike.
  const runs = {
    bareFull: [] as number[],
    bulletinFull: [] as number[],
    bare304: [] as number[],
    bulletin304: [] as number[],
  };
  for (let round = 0; round < 3; round += 1) {
    runs.bareFull.push(await load(bareUrl, seconds));
    runs.bulletinFull.push(await load(url, seconds));
    runs.bare304.push(await load(bareUrl, seconds, { 'if-none-match': etag }));
    runs.bulletin304.push(await load(url, seconds, { 'if-none-match': etag }));
  }
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? NaN;
  const [bareFull, bulletinFull, bare304, bulletin304] = [
    mid(runs.bareFull),
    mid(runs.bulletinFull),
    mid(runs.bare304),
    mid(runs.bulletin304),
  ];
  say(
    `  ${Math.round(body.length / 1024)} kB feed: bare ${Math.round(bareFull)}/s, bulletin ${Math.round(bulletinFull)}/s; 304s: bare ${Math.round(bare304)}/s, bulletin ${Math.round(bulletin304)}/s`,
  );
  await app.close();
  await bare.close();
  const stored1k = await rerenderMs(redis, prefix, log);
  await publishAll(redis, prefix, stories(template, 99_000, 1000));
  const stored100k = await rerenderMs(redis, prefix, log);
  say(
    `  re-render of the topic feed: ${stored1k} ms with 1,000 stories stored, ${stored100k} ms with 100,000`,
  );
  await deleteKeys(redisUrl, prefix);
  redis.disconnect();
  return {
    feedBytes: body.length,
    bareFull: Math.round(bareFull),
    bulletinFull: Math.round(bulletinFull),
    feedServeRatio: Number((bulletinFull / bareFull).toFixed(3)),
    bare304: Math.round(bare304),
    bulletin304: Math.round(bulletin304),
    notModifiedRatio: Number((bulletin304 / bare304).toFixed(3)),
    rerenderMs: { stored1k, stored100k, ratio: Number((stored100k / stored1k).toFixed(2)) },
  };
}
