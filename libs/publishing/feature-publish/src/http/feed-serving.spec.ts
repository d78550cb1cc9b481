import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildHttpServer } from '@bulletin/http';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import {
  createChangeFeed,
  createFeedIndex,
  createStoryStore,
  storeKeys,
  type FeedIndex,
  type StoryStore,
} from '@bulletin/store';
import { createMemoryStore } from '@bulletin/store/testing';
import { makeStory } from '@bulletin/story/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { feedsPlugin, pickEncoding } from '../index.js';

const log = createLogger({ level: 'silent' });
const render = {
  baseUrl: 'http://news.test',
  siteTitle: 'bulletin',
  emptyUpdated: '1970-01-01T00:00:00.000Z',
};
const NOW = Date.parse('2014-11-20T00:00:00.000Z');
const apps: FastifyInstance[] = [];
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

async function serve(
  stores: {
    store: StoryStore;
    index: FeedIndex;
    changes?: ReturnType<typeof createMemoryStore>['changes'];
  },
  rateLimitPerMinute = 0,
) {
  const app = await buildHttpServer({
    plugins: [
      feedsPlugin({
        ...stores,
        topics: [],
        render,
        feedSize: 10,
        rateLimitPerMinute,
        coalesceMs: 0,
        log,
      }),
    ],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  apps.push(app);
  return app;
}

/** A store whose reads are counted: a cached feed request must make none. */
function counted() {
  const memory = createMemoryStore();
  const calls = { reads: 0 };
  const store: StoryStore = {
    ...memory.store,
    getMany: (ids) => ((calls.reads += 1), memory.store.getMany(ids)),
  };
  const index: FeedIndex = {
    ...memory.index,
    latest: (feed, n) => ((calls.reads += 1), memory.index.latest(feed, n)),
    generation: (feed) => ((calls.reads += 1), memory.index.generation(feed)),
  };
  return {
    stores: { store, index, changes: memory.changes },
    calls,
    publish: memory.store.publish,
  };
}

describe('serving a cached feed', () => {
  it('asks the store nothing while the feed is unchanged', async () => {
    const { stores, calls, publish } = counted();
    await publish(makeStory('cached'), { now: NOW });
    const app = await serve(stores);
    await app.inject('/feeds/all.atom');
    const afterFirst = calls.reads;
    for (let i = 0; i < 100; i += 1)
      expect((await app.inject('/feeds/all.atom')).statusCode).toBe(200);
    expect(calls.reads).toBe(afterFirst);
  });

  it('re-renders a burst of changes a few times, not once per change', async () => {
    const { stores, calls, publish } = counted();
    const app = await serve(stores);
    await app.inject('/feeds/all.rss');
    const before = calls.reads;
    for (let i = 0; i < 200; i += 1) {
      const firstcreated = new Date(Date.UTC(2014, 10, 18) + i * 60_000).toISOString();
      await publish(makeStory(`burst-${i}`, { firstcreated }), { now: NOW });
    }
    await expect
      .poll(async () => (await app.inject('/feeds/all.rss')).body.includes('report burst-199'))
      .toBe(true);
    // One render reads the index, the generation and the stories: three reads.
    expect((calls.reads - before) / 3).toBeLessThan(10);
  });

  it('answers conditional requests from the ETag or, without one, Last-Modified', async () => {
    const memory = createMemoryStore();
    await memory.store.publish(makeStory('dated', { versioncreated: '2014-11-18T10:00:00.000Z' }), {
      now: NOW,
    });
    const app = await serve(memory);
    const first = await app.inject('/feeds/all.atom');
    expect(first.headers['last-modified']).toBe('Tue, 18 Nov 2014 10:00:00 GMT');
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers['vary']).toBe('Accept-Encoding');
    const since = await app.inject({
      url: '/feeds/all.atom',
      headers: { 'if-modified-since': 'Tue, 18 Nov 2014 10:00:00 GMT' },
    });
    expect(since.statusCode).toBe(304);
    const older = await app.inject({
      url: '/feeds/all.atom',
      headers: { 'if-modified-since': 'Tue, 18 Nov 2014 09:59:59 GMT' },
    });
    expect(older.statusCode).toBe(200);
    const wrongTag = await app.inject({
      url: '/feeds/all.atom',
      headers: { 'if-none-match': '"other"', 'if-modified-since': 'Tue, 18 Nov 2014 10:00:00 GMT' },
    });
    expect(wrongTag.statusCode).toBe(200);
    const head = await app.inject({ method: 'HEAD', url: '/feeds/all.atom' });
    expect([head.statusCode, head.body, head.headers['etag']]).toEqual([
      200,
      '',
      first.headers['etag'],
    ]);
  });

  it('sends gzip or brotli to clients that accept them, the same bytes inside', async () => {
    const memory = createMemoryStore();
    await memory.store.publish(makeStory('squeezed'), { now: NOW });
    const app = await serve(memory);
    const plain = await app.inject('/feeds/all.rss');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await app.inject({
      url: '/feeds/all.rss',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const br = await app.inject({
      url: '/feeds/all.rss',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gz.headers['etag']).toBe(plain.headers['etag']);
  });

  it('picks an encoding as RFC 9110 says, honouring q=0', () => {
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('gzip;q=0')).toBeUndefined();
    expect(pickEncoding('*')).toBe('gzip');
    expect(pickEncoding('identity')).toBeUndefined();
  });

  it('tells a client that hammers the feeds to slow down, with Retry-After', async () => {
    const app = await serve(createMemoryStore(), 3);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await app.inject('/feeds/all.json')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject('/feeds/all.json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const other = await app.inject({ url: '/feeds/all.json', remoteAddress: '10.0.0.9' });
    expect(other.statusCode).toBe(200);
  });
});

const available = await redisAvailable();

describe.skipIf(!available)('several HTTP processes on the real Redis', () => {
  it('each learns of a change from the channel, with no round trip per request', async () => {
    const prefix = uniquePrefix('serving');
    const keys = storeKeys(prefix);
    const redis: Redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'serving',
      log,
    });
    const subscribers = [redis.duplicate(), redis.duplicate()];
    const store = createStoryStore(redis, keys);
    const servers = await Promise.all(
      subscribers.map((subscriber) =>
        serve({
          store,
          index: createFeedIndex(redis, keys),
          changes: createChangeFeed(subscriber, keys, log),
        }),
      ),
    );
    for (const app of servers)
      expect((await app.inject('/feeds/all.json')).json().items).toHaveLength(0);
    await store.publish(makeStory('announced'), { now: NOW });
    for (const app of servers) {
      await expect
        .poll(async () => (await app.inject('/feeds/all.json')).json().items.length)
        .toBe(1);
    }
    await Promise.all(servers.map((app) => app.close()));
    redis.disconnect();
    await deleteKeys(TEST_REDIS_URL, prefix);
  });
});
